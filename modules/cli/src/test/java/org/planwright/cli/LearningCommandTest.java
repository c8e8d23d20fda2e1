package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.SyntheticOutcomes;
import org.planwright.store.TrialOutcome;
import org.planwright.store.WorkbenchStore;

/** {@code planwright learning report} and {@code planwright feedback} over a real store folder (PLANWRIGHT_HOME). */
class LearningCommandTest {

    @TempDir
    Path home;

    private CliEnvironment env() {
        Map<String, String> env = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        env.put("PLANWRIGHT_HOME", home.toString());
        return new CliEnvironment(env, PasswordPrompt.none());
    }

    private List<TrialOutcome> seed(int n) {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            UUID ws = store.workspaces().create("acme").id();
            LearningService service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
            List<TrialOutcome> outcomes = SyntheticOutcomes.generate(n, ws, 5);
            outcomes.forEach(service::record);
            return outcomes;
        }
    }

    @Test
    void theJsonReportOfASecondProcessEqualsTheFirstAndFeedbackFromScriptsCounts() throws Exception {
        List<TrialOutcome> outcomes = seed(40);
        CliRun first = CliRun.run(env(), "learning", "report", "--format", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(first.out());
        assertThat(a.get("trials").asInt()).isEqualTo(40);
        assertThat(a.get("estimator").asText()).isEqualTo("cost-only");
        assertThat(a.get("bias").isArray()).isTrue();
        assertThat(a.get("trend").asText()).isIn("IMPROVING", "DECLINING", "STABLE");

        CliRun second = CliRun.run(env(), "learning", "report", "--format", "json");
        JsonNode b = new ObjectMapper().readTree(second.out());
        ((ObjectNode) a).remove("generatedAt");
        ((ObjectNode) b).remove("generatedAt");
        assertThat(b).isEqualTo(a);

        CliRun fb = CliRun.run(env(), "feedback", "--trial", outcomes.get(3).trialId().toString(), "--rating", "4",
                "--apply-again", "--before-ms", "120", "--after-ms", "30 ms", "--comment", "fine on production");
        assertThat(fb.exitCode()).as(fb.err()).isZero();
        assertThat(fb.out()).contains("4 stars");
        JsonNode c = new ObjectMapper().readTree(CliRun.run(env(), "learning", "report", "--format", "json").out());
        assertThat(c.get("feedback").asInt()).isEqualTo(1);
        assertThat(c.at("/feedbackOverall/averageActualPercent").asDouble()).isEqualTo(75.0);

        CliRun md = CliRun.run(env(), "learning", "report", "--format", "markdown");
        assertThat(md.out()).startsWith("# Learning report: acme");
    }

    @Test
    void badFeedbackGetsOneLineMessagesAndExitTwo() {
        List<TrialOutcome> outcomes = seed(3);
        CliRun rating = CliRun.run(env(), "feedback", "--trial", outcomes.getFirst().trialId().toString(), "--rating", "7");
        assertThat(rating.exitCode()).isEqualTo(2);
        assertThat(rating.err()).contains("--rating: The rating must be 1 to 5 stars.");
        CliRun time = CliRun.run(env(), "feedback", "--trial", outcomes.getFirst().trialId().toString(), "--rating", "3",
                "--before-ms", "fast");
        assertThat(time.err()).contains("--before-ms: The time before must be a number of milliseconds");
        UUID unknown = UUID.randomUUID();
        CliRun missing = CliRun.run(env(), "feedback", "--trial", unknown.toString(), "--rating", "3");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no trial " + unknown + " in workspace \"acme\"");
    }
}
