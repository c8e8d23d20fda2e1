package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwright.testsupport.Corpus;

/** Captures of real TPC-H plans (PostgreSQL 15, scale factor 1) from the shared corpus. */
class PlanCapturesTest extends StoreTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPTIONS_JSON = "ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON";

    private Workspace w;
    private final UUID connection = UUID.randomUUID();

    @BeforeEach
    void workspace() {
        w = store.workspaces().create("TPC-H tuning");
    }

    /** Builds a capture from one corpus plan, with the figures read from the plan itself (as the caller would). */
    private PlanCapture jsonCapture(String query, Instant capturedAt) throws IOException {
        String plan = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-" + query + ".json"), StandardCharsets.UTF_8);
        String sql = Files.readString(Corpus.resolve("sql/tpch/queries/" + query + ".sql"), StandardCharsets.UTF_8);
        JsonNode root = JSON.readTree(plan).get(0);
        PlanMetrics metrics = new PlanMetrics(countNodes(root.get("Plan")), root.get("Plan").get("Total Cost").asDouble(),
                root.get("Execution Time").asDouble(), root.get("Planning Time").asDouble());
        return PlanCapture.create(w.id(), connection, sql, plan, PlanFormat.JSON, OPTIONS_JSON,
                JSON.writeValueAsString(root.get("Settings")), "15.4", capturedAt, metrics);
    }

    private static int countNodes(JsonNode node) {
        int n = 1;
        if (node.has("Plans")) {
            for (JsonNode child : node.get("Plans")) {
                n += countNodes(child);
            }
        }
        return n;
    }

    @Test
    void aJsonPlanComesBackExactlyAsCapturedWithItsSettingsAndFigures() throws IOException {
        PlanCapture capture = jsonCapture("q1", Instant.parse("2026-11-20T10:15:30.250Z"));

        PlanCapture saved = store.planCaptures().save(capture);
        PlanCapture loaded = store.planCaptures().load(w.id(), capture.id()).orElseThrow();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.planText()).isEqualTo(capture.planText());
        assertThat(loaded.queryText()).isEqualTo(capture.queryText());
        assertThat(loaded.settingsJson()).isEqualTo("{\"work_mem\":\"32MB\"}");
        assertThat(loaded.metrics()).isEqualTo(capture.metrics());
        assertThat(loaded.metrics().nodeCount()).isGreaterThan(1);
        assertThat(loaded.explainOptions()).isEqualTo(OPTIONS_JSON);
        assertThat(loaded.connectionId()).isEqualTo(connection);
        assertThat(loaded.createdAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00.123456Z"));
    }

    @Test
    void aTextPlanWithoutFiguresIsKeptAsIs() throws IOException {
        String plan = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q6.txt"), StandardCharsets.UTF_8);
        PlanCapture capture = PlanCapture.create(w.id(), null, "select 6", plan, PlanFormat.TEXT, "ANALYZE, BUFFERS",
                null, null, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), null);
        store.planCaptures().save(capture);
        PlanCapture loaded = store.planCaptures().load(w.id(), capture.id()).orElseThrow();
        assertThat(loaded.planText()).isEqualTo(plan);
        assertThat(loaded.format()).isEqualTo(PlanFormat.TEXT);
        assertThat(loaded.metrics()).isEqualTo(PlanMetrics.UNKNOWN);
        assertThat(loaded.settingsJson()).isNull();
    }

    @Test
    void summariesListNewestCaptureFirstWithoutThePlan() throws IOException {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        PlanCapture q1 = store.planCaptures().save(jsonCapture("q1", t.plus(Duration.ofMinutes(2))));
        PlanCapture q3 = store.planCaptures().save(jsonCapture("q3", t));
        PlanCapture q5 = store.planCaptures().save(jsonCapture("q5", t.plus(Duration.ofMinutes(9))));

        List<PlanCaptureSummary> list = store.planCaptures().list(w.id());

        assertThat(list).extracting(PlanCaptureSummary::id).containsExactly(q5.id(), q1.id(), q3.id());
        PlanCaptureSummary first = list.getFirst();
        assertThat(first.metrics()).isEqualTo(q5.metrics());
        assertThat(first.capturedAt()).isEqualTo(q5.capturedAt());
        assertThat(first.format()).isEqualTo(PlanFormat.JSON);
        assertThat(first.serverVersion()).isEqualTo("15.4");
        String expectedPreview = q5.queryText().substring(0, Math.min(PlanCaptures.PREVIEW_LENGTH, q5.queryText().length()));
        assertThat(first.queryPreview()).isEqualTo(expectedPreview);
    }

    @Test
    void aCaptureForAWorkspaceDeletedMeanwhileIsRefusedAndNothingIsStored() throws Exception {
        PlanCapture capture = jsonCapture("q1", Instant.parse("2026-11-20T10:15:30Z"));
        store.workspaces().delete(w.id());
        assertThatThrownBy(() -> store.planCaptures().save(capture))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND))
                .hasMessageContaining("was it deleted?");
        assertThat(rows("plan_capture")).isZero();
    }

    @Test
    void aBlankPlanIsRefusedBeforeAnythingIsWritten() throws Exception {
        PlanCapture capture = PlanCapture.create(w.id(), null, "SELECT 1", "  ", PlanFormat.TEXT, null, null, null,
                clock.instant(), null);
        assertThatThrownBy(() -> store.planCaptures().save(capture))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessage("The plan text is empty.");
        assertThat(rows("plan_capture")).isZero();
    }

    @Test
    void savingAgainReplacesThePlanAndKeepsCreatedAt() throws IOException {
        PlanCapture first = store.planCaptures().save(jsonCapture("q1", Instant.parse("2026-11-20T10:00:00Z")));
        clock.advance(Duration.ofDays(1));
        PlanCapture other = jsonCapture("q3", Instant.parse("2026-11-21T10:00:00Z"));
        PlanCapture replaced = store.planCaptures().save(new PlanCapture(first.id(), w.id(), null, other.queryText(),
                other.planText(), other.format(), other.explainOptions(), other.settingsJson(), "16.1",
                other.capturedAt(), other.metrics(), null, null));

        assertThat(replaced.createdAt()).isEqualTo(first.createdAt());
        assertThat(replaced.updatedAt()).isEqualTo(first.createdAt().plus(Duration.ofDays(1)));
        assertThat(replaced.planText()).isEqualTo(other.planText());
        assertThat(replaced.serverVersion()).isEqualTo("16.1");
        assertThat(store.planCaptures().list(w.id())).hasSize(1);
    }
}
