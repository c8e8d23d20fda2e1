package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.PlanCaptureSummary;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@code planwright workspace ...} and {@code explain --workspace} on real store folders (PLANWRIGHT_HOME) and the
 * real Pagila database: plans captured, listed with counts, carried to a second home in an encrypted file, merged
 * once, deleted.
 */
@ExtendWith(PostgresExtension.class)
class WorkspaceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path QUERIES = Corpus.resolve("plans/generated-pagila/_queries.sql");

    @TempDir
    Path laptop;
    @TempDir
    Path office;

    private static CliEnvironment home(Path home, String... more) {
        Map<String, String> env = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        env.put("PLANWRIGHT_HOME", home.toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return new CliEnvironment(env, PasswordPrompt.none());
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void explainCapturesEveryPlanIntoTheNamedWorkspaceWhichTravelsToAnotherHome(PostgresFixture pg) throws Exception {
        CliRun explain = CliRun.run(home(laptop), "explain", "--url", pg.pagila(), "-U", pg.user(), "--workspace",
                "Pagila client", "--format", "json", QUERIES.toString());
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        int statements = JSON.readTree(explain.out()).get("statements").size();
        assertThat(statements).isEqualTo(13);

        JsonNode list = json(CliRun.run(home(laptop), "workspace", "list", "--format", "json"));
        JsonNode ws = list.get("workspaces").get(0);
        assertThat(ws.get("name").asText()).isEqualTo("Pagila client");
        assertThat(ws.at("/records/plan_capture").asInt()).isEqualTo(13);
        assertThat(ws.get("archived").asBoolean()).isFalse();
        try (WorkbenchStore store = WorkbenchStore.open(laptop)) {
            Workspace w = store.workspaces().list().getFirst();
            assertThat(store.planCaptures().list(w.id())).extracting(s -> s.metrics().nodeCount())
                    .allMatch(n -> n != null && n > 0);
        }

        Path file = laptop.resolve("pagila.pwws");
        String passphrase = "a long passphrase " + UUID.randomUUID();
        JsonNode exported = json(CliRun.run(home(laptop, Passphrases.ENV, passphrase), "workspace", "export",
                "Pagila client", "--out", file.toString(), "--format", "json"));
        assertThat(exported.at("/records/plan_capture").asInt()).isEqualTo(13);
        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("rental");

        Path passFile = office.resolve("pass.txt");
        Files.writeString(passFile, passphrase + "\n");
        JsonNode imported = json(CliRun.run(home(office), "workspace", "import", file.toString(),
                "--passphrase-file", passFile.toString(), "--format", "json"));
        assertThat(imported.get("totalInserted").asInt()).isEqualTo(exported.get("totalRecords").asInt());
        assertThat(imported.get("mergedInto").asBoolean()).isFalse();
        JsonNode again = json(CliRun.run(home(office), "workspace", "import", file.toString(),
                "--passphrase-file", passFile.toString(), "--format", "json"));
        assertThat(again.get("totalInserted").asInt()).isZero();
        assertThat(again.get("mergedInto").asBoolean()).isTrue();
        assertThat(json(CliRun.run(home(office), "workspace", "list", "--format", "json"))
                .at("/workspaces/0/records/plan_capture").asInt()).isEqualTo(13);

        CliRun wrong = CliRun.run(home(office, Passphrases.ENV, "not the passphrase"), "workspace", "import",
                file.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("the passphrase is wrong").contains("Nothing was imported");
    }

    @Test
    void createRenameArchiveRestoreAndDeleteWithConfirmation() throws Exception {
        assertThat(json(CliRun.run(home(laptop), "workspace", "create", "Acme", "--format", "json"))
                .at("/workspace/name").asText()).isEqualTo("Acme");
        CliRun.run(home(laptop), "workspace", "create", "Globex");
        CliRun clash = CliRun.run(home(laptop), "workspace", "create", "Acme");
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("already exists");

        assertThat(CliRun.run(home(laptop), "workspace", "rename", "Acme", "Acme Corp").out())
                .contains("renamed to \"Acme Corp\"");
        CliRun.run(home(laptop), "workspace", "archive", "Globex");
        assertThat(CliRun.run(home(laptop), "workspace", "list").out()).contains("Acme Corp").doesNotContain("Globex");
        assertThat(CliRun.run(home(laptop), "workspace", "list", "--all").out()).contains("Globex (archived)");
        CliRun.run(home(laptop), "workspace", "restore", "Globex");
        assertThat(CliRun.run(home(laptop), "workspace", "list").out()).contains("Globex");

        CliRun unconfirmed = CliRun.run(home(laptop), "workspace", "delete", "Globex");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("add --yes");
        JsonNode deleted = json(CliRun.run(home(laptop), "workspace", "delete", "Globex", "--yes", "--format", "json"));
        assertThat(deleted.get("action").asText()).isEqualTo("deleted");
        assertThat(deleted.get("compacted").asBoolean()).isTrue();
        assertThat(json(CliRun.run(home(laptop), "workspace", "list", "--all", "--format", "json"))
                .get("workspaces")).extracting(n -> n.get("name").asText()).containsExactly("Acme Corp");

        CliRun noPassphrase = CliRun.run(home(laptop), "workspace", "export", "Acme Corp", "--out",
                laptop.resolve("x.pwws").toString());
        assertThat(noPassphrase.exitCode()).isEqualTo(2);
        assertThat(noPassphrase.err()).contains("no passphrase").contains(Passphrases.ENV);
        assertThat(laptop.resolve("x.pwws")).doesNotExist();
    }

    /**
     * The isolation rule through the CLI: workspaces A and B in one store; every command that reads the store, asked
     * about A, finds nothing of B (plan captures, learning report, feedback, workload history, list, export).
     */
    @Test
    void everyCommandThatReadsTheStoreSeesOnlyTheNamedWorkspace(PostgresFixture pg) throws Exception {
        java.util.List<org.planwright.store.TrialOutcome> outcomesOfB;
        try (WorkbenchStore store = WorkbenchStore.open(laptop)) {
            store.workspaces().create("A");
            UUID b = store.workspaces().create("B").id();
            var service = new org.planwright.learning.LearningService(store,
                    org.planwright.learning.LearningSettings.defaults(), java.time.Clock.systemUTC());
            outcomesOfB = org.planwright.learning.SyntheticOutcomes.generate(12, b, 5);
            outcomesOfB.forEach(service::record);
        }
        Path one = laptop.resolve("one.sql");
        Files.writeString(one, "SELECT count(*) FROM film WHERE length > 100;\n");
        assertThat(CliRun.run(home(laptop), "explain", "--url", pg.pagila(), "-U", pg.user(), "--workspace", "A",
                one.toString()).exitCode()).isZero();
        assertThat(CliRun.run(home(laptop), "explain", "--url", pg.pagila(), "-U", pg.user(), "--workspace", "B",
                QUERIES.toString()).exitCode()).isZero();
        CliRun window = CliRun.run(home(laptop), "workload", "--url", pg.pagila(), "-U", pg.user(), "--interval", "1s",
                "--workspace", "B");
        assertThat(window.exitCode()).as(window.err()).isZero();

        JsonNode list = json(CliRun.run(home(laptop), "workspace", "list", "--format", "json"));
        assertThat(list.at("/workspaces/0/name").asText()).isEqualTo("A");
        assertThat(list.at("/workspaces/0/records/plan_capture").asInt()).isEqualTo(1);
        assertThat(list.at("/workspaces/0/records/trial_outcome").asInt()).isZero();
        assertThat(list.at("/workspaces/0/records/workload_window").asInt()).isZero();
        assertThat(list.at("/workspaces/1/records/plan_capture").asInt()).isEqualTo(13);
        assertThat(list.at("/workspaces/1/records/trial_outcome").asInt()).isEqualTo(12);

        assertThat(json(CliRun.run(home(laptop), "learning", "report", "--workspace", "A", "--format", "json"))
                .get("trials").asInt()).isZero();
        assertThat(json(CliRun.run(home(laptop), "learning", "report", "--workspace", "B", "--format", "json"))
                .get("trials").asInt()).isEqualTo(12);
        String trialOfB = outcomesOfB.getFirst().trialId().toString();
        CliRun feedback = CliRun.run(home(laptop), "feedback", "--workspace", "A", "--trial", trialOfB, "--rating", "5");
        assertThat(feedback.exitCode()).isEqualTo(2);
        assertThat(feedback.err()).contains("no trial " + trialOfB + " in workspace \"A\"");
        CliRun historyOfA = CliRun.run(home(laptop), "workload", "--url", pg.pagila(), "-U", pg.user(),
                "--workspace", "A");
        assertThat(historyOfA.exitCode()).as(historyOfA.err()).isZero();
        assertThat(historyOfA.out()).doesNotContain("stored windows");
        assertThat(CliRun.run(home(laptop), "workload", "--url", pg.pagila(), "-U", pg.user(), "--workspace", "B")
                .out()).contains("History: 1 stored windows");

        Path file = laptop.resolve("a.pwws");
        json(CliRun.run(home(laptop, Passphrases.ENV, "passphrase of A"), "workspace", "export", "A", "--out",
                file.toString(), "--format", "json"));
        JsonNode imported = json(CliRun.run(home(office, Passphrases.ENV, "passphrase of A"), "workspace", "import",
                file.toString(), "--format", "json"));
        assertThat(imported.get("totalInserted").asInt()).isEqualTo(1);
        JsonNode officeList = json(CliRun.run(home(office), "workspace", "list", "--format", "json"));
        assertThat(officeList.get("workspaces")).hasSize(1);
        assertThat(officeList.at("/workspaces/0/totalRecords").asInt()).isEqualTo(1);
    }
}
