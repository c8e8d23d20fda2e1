package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.WorkbenchStore;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.DebianPostgres15;
import org.planwright.testsupport.Postgres15Extension;

/**
 * {@code planwright advise --trial} records its trials in the workspace store (PLANWRIGHT_HOME) and the learning
 * loop, so that {@code planwright learning report} of a second invocation counts them; without a store it says so
 * and still gives the advice. Debian's PostgreSQL 15 with HypoPG, TPC-H SF 0.02 with primary keys only.
 */
@ExtendWith(Postgres15Extension.class)
class AdviseTrialLearningTest {

    @TempDir
    Path home;

    private CliEnvironment env() {
        Map<String, String> env = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        env.put("PLANWRIGHT_HOME", home.toString());
        return new CliEnvironment(env, PasswordPrompt.none());
    }

    @Test
    void trialsOfAdviseAreRecordedAndTheLearningReportOfASecondInvocationShowsThem(DebianPostgres15 pg)
            throws Exception {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            store.workspaces().create("acme");
        }
        String url = pg.tpchPrimaryKeysOnly(0.02);
        CliRun advise = CliRun.run(env(), "advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                "--allow-locking-builds", Corpus.resolve("sql/tpch/queries/q17.sql").toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        int tried = 0;
        // the JSON is a top-level array of recommendations (docs/cli-json-output.md)
        for (JsonNode item : new ObjectMapper().readTree(advise.out())) {
            tried += item.get("trial").get("skipped").isNull() ? 1 : 0;
        }
        assertThat(tried).as("trials run").isPositive();
        assertThat(advise.err()).contains(tried + " trial(s) recorded in workspace \"acme\"");

        CliRun report = CliRun.run(env(), "learning", "report", "--format", "json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.out());
        assertThat(json.get("trials").asInt()).isEqualTo(tried);
        assertThat(json.get("workspace").asText()).isEqualTo("acme");
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            var ws = store.workspaces().list().getFirst();
            assertThat(store.adviceRecords().recommendations(ws.id())).hasSize(tried);
        }
    }

    @Test
    void withoutAStoreTheAdviceIsGivenAndTheTrialsAreNotRecorded(DebianPostgres15 pg, @TempDir Path dir)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        // a quick statement (one index lookup once indexed), so that the trial this path needs is short
        Path sql = java.nio.file.Files.writeString(dir.resolve("lookup.sql"),
                "SELECT l_orderkey, l_quantity FROM lineitem WHERE l_partkey = 42;\n");
        CliRun advise = CliRun.run(env(), "advise", "--url", url, "-U", pg.user(), "--trial",
                "--allow-locking-builds", sql.toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.err()).contains("trials will not be recorded for learning: no workbench store in "
                + home);
        assertThat(advise.out()).contains("lineitem (l_partkey");
        assertThat(home.resolve(WorkbenchStore.FILE_NAME)).doesNotExist();
    }
}
