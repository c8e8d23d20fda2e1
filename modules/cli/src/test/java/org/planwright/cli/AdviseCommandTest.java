package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.DebianPostgres15;
import org.planwright.testsupport.Postgres15Extension;

/**
 * {@code planwright advise} against Debian's PostgreSQL 15 with HypoPG, TPC-H SF 0.02 with primary keys only, on
 * corpus query files: the JSON contract of docs/cli-json-output.md ("advise").
 */
@ExtendWith(Postgres15Extension.class)
class AdviseCommandTest {

    @Test
    void jsonListsIndexRecommendationsWithSqlUndoEstimateAndEvidence(DebianPostgres15 pg, @TempDir Path dir)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        Path queries = Corpus.resolve("sql/tpch/queries");
        Path workload = Files.createDirectory(dir.resolve("workload"));
        for (String q : new String[] {"q17.sql", "q20.sql", "q15.sql"}) {
            Files.copy(queries.resolve(q), workload.resolve(q));
        }
        CliRun run = CliRun.run("advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                workload.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode recs = new ObjectMapper().readTree(run.out());
        assertThat(recs.isArray()).as("the JSON is a list of recommendations").isTrue();
        assertThat(recs.size()).isPositive();
        JsonNode first = recs.get(0);
        assertThat(first.get("kind").asText()).isEqualTo("index");
        assertThat(first.get("sql").asText()).startsWith("CREATE INDEX CONCURRENTLY ").contains("lineitem");
        assertThat(first.get("undoSql").asText()).startsWith("DROP INDEX CONCURRENTLY IF EXISTS ");
        assertThat(first.get("estimatedImprovementPercent").asDouble()).isGreaterThan(50);
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("indexSizeBytes").asLong()).isPositive();
        assertThat(first.get("evidence").size()).isPositive();
        assertThat(first.get("evidence").get(0).get("label").asText()).isNotBlank();
        // without --allow-locking-builds no trial runs: each item says why
        assertThat(first.get("trial").get("skipped").asText()).contains("--allow-locking-builds");
        assertThat(first.get("trial").get("actualImprovementPercent").isNull()).isTrue();
        assertThat(first.get("workloadTrial").isNull()).isTrue();
        for (JsonNode r : recs) {
            assertThat(r.get("kind").asText()).isIn("index", "drop-index");
        }
    }

    @Test
    void aWorkloadTrialMeasuresTheSetOnEveryStatementAndLeavesNothingBehind(DebianPostgres15 pg, @TempDir Path dir)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        String db = url.substring(url.lastIndexOf('/') + 1);
        long indexesBefore = indexCount(pg, db);
        Path queries = Corpus.resolve("sql/tpch/queries");
        Path workload = Files.createDirectory(dir.resolve("workload"));
        for (String q : new String[] {"q19.sql", "q22.sql", "q15.sql"}) {
            Files.copy(queries.resolve(q), workload.resolve(q));
        }
        CliRun json = CliRun.run("advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                "--allow-locking-builds", workload.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).contains("Timing q19.sql without and with the indexes");
        JsonNode recs = new ObjectMapper().readTree(json.out());
        JsonNode first = recs.get(0);
        JsonNode measured = first.get("workloadTrial");
        assertThat(measured.isObject()).as(first.toString()).isTrue();
        assertThat(first.get("trial").isNull()).isTrue();
        assertThat(measured.get("statements").findValuesAsText("label")).isNotEmpty();
        assertThat(measured.get("beforeMs").asDouble()).isGreaterThan(measured.get("afterMs").asDouble());
        assertThat(measured.get("measuredImprovementPercent").asDouble()).isGreaterThan(30);
        assertThat(measured.get("helped").size()).isPositive();
        assertThat(measured.get("hurt").size()).isZero();
        assertThat(indexCount(pg, db)).as("indexes after the trial").isEqualTo(indexesBefore);
    }

    /**
     * ADR 0024 through the CLI: {@code a = 1} rows hold the largest {@code b} values, rows in random order,
     * {@code c = b}. With an index on {@code b} the planner walks it for {@code WHERE (a = 1 OR id < 0) ORDER BY b
     * LIMIT 10}, expecting ten matches early, and reads almost the whole table in random order. The advisor's first
     * set is {@code (b)} (the range query's most selective column); the trial rejects it, the replacement round
     * offers {@code (c)}, which serves the range query and slows nothing, and that is the advice.
     */
    @Test
    void anIndexThatSlowsAStatementIsDroppedAndReplacedByOneThatDoesNot(DebianPostgres15 pg, @TempDir Path dir)
            throws Exception {
        try (var c = pg.connect("postgres"); var st = c.createStatement()) {
            st.execute("CREATE DATABASE advise_slowed");
        }
        try (var c = pg.connect("advise_slowed"); var st = c.createStatement()) {
            st.execute("CREATE EXTENSION hypopg");
            st.execute("SELECT setseed(0.42)");
            st.execute("CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, c int NOT NULL, pad text)");
            st.execute("INSERT INTO t SELECT row_number() OVER (), CASE WHEN g > 198000 THEN 1 ELSE 2 + g % 99 END, "
                    + "g, g, md5(g::text) FROM generate_series(1, 200000) g ORDER BY random()");
            st.execute("VACUUM ANALYZE t");
        }
        long indexesBefore = indexCount(pg, "advise_slowed");
        Path workload = Files.createDirectory(dir.resolve("workload"));
        Files.writeString(workload.resolve("slowed.sql"),
                "SELECT id, b FROM t WHERE (a = 1 OR id < 0) ORDER BY b LIMIT 10;\n");
        Files.writeString(workload.resolve("range.sql"),
                "SELECT count(*), sum(a) FROM t WHERE b BETWEEN 1000 AND 1040 AND c BETWEEN 1000 AND 1400;\n");
        CliRun run = CliRun.run("advise", "--url", pg.url("advise_slowed"), "-U", pg.user(), "--format", "json",
                "--trial", "--allow-locking-builds", workload.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("dropped from the advice: Index public.t (b)")
                .contains("slowed.sql ran").contains("kept round 2 of 2");
        JsonNode recs = new ObjectMapper().readTree(run.out());
        java.util.List<String> indexes = new java.util.ArrayList<>();
        for (JsonNode r : recs) {
            if (r.get("kind").asText().equals("index")) {
                indexes.add(r.get("sql").asText());
                assertThat(r.get("workloadTrial").get("hurt").size()).isZero();
                for (JsonNode s : r.get("workloadTrial").get("statements")) {
                    assertThat(s.get("change").asText()).as(r.toString()).isNotEqualTo("slower");
                }
            }
        }
        assertThat(indexes).as(run.out()).isNotEmpty().allMatch(sql -> sql.contains(" ON public.t (c)"));
        assertThat(indexCount(pg, "advise_slowed")).as("indexes after the trials").isEqualTo(indexesBefore);
    }

    @Test
    void aTrialMeasuresTheIndexOnTheStatementItHelpsAndLeavesNothingBehind(DebianPostgres15 pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        String db = url.substring(url.lastIndexOf('/') + 1);
        long indexesBefore = indexCount(pg, db);
        CliRun run = CliRun.run("advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                "--allow-locking-builds", Corpus.resolve("sql/tpch/queries/q17.sql").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(run.out()).get(0);
        JsonNode trial = first.get("trial");
        assertThat(trial.get("skipped").isNull()).as(trial.toString()).isTrue();
        assertThat(trial.get("statement").asText()).endsWith("q17.sql");
        assertThat(trial.get("mode").asText()).isEqualTo("rolled-back");
        assertThat(trial.get("beforeMedianMs").asDouble()).isGreaterThan(trial.get("afterMedianMs").asDouble());
        assertThat(trial.get("actualImprovementPercent").asDouble()).isGreaterThan(50);
        assertThat(trial.get("runs").asInt()).isEqualTo(5);
        assertThat(trial.get("pValue").asDouble()).isLessThan(0.05);
        assertThat(trial.get("significant").asBoolean()).isTrue();
        assertThat(indexCount(pg, db)).as("indexes after the trials").isEqualTo(indexesBefore);
    }

    /**
     * Statements as pg_stat_statements stores them ({@code $n} for every constant) on PostgreSQL 15, which has no
     * {@code EXPLAIN (GENERIC_PLAN)}: they are costed and timed with representative values from pg_stats, which the
     * JSON reports ({@code costedWith}, {@code boundParameters}); one whose parameter multiplies an aggregate cannot be
     * given a value and is skipped, saying why.
     */
    @Test
    void normalisedStatementsAreAdvisedAndTimedWithRepresentativeValues(DebianPostgres15 pg, @TempDir Path dir)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        String db = url.substring(url.lastIndexOf('/') + 1);
        long indexesBefore = indexCount(pg, db);
        Path workload = Files.createDirectory(dir.resolve("top"));
        Files.writeString(workload.resolve("top1.sql"),
                "SELECT l_orderkey, l_extendedprice FROM lineitem WHERE l_partkey = $1 AND l_quantity < $2;\n");
        Files.writeString(workload.resolve("top2.sql"), "SELECT o_orderkey, o_totalprice FROM orders "
                + "WHERE o_custkey = $1 ORDER BY o_orderdate DESC LIMIT $2;\n");
        Files.writeString(workload.resolve("top3.sql"), "SELECT sum(l_extendedprice) FROM lineitem, part "
                + "WHERE p_partkey = l_partkey AND p_brand = $1 AND l_quantity < (SELECT $2 * avg(l_quantity) "
                + "FROM lineitem WHERE l_partkey = p_partkey);\n");
        CliRun run = CliRun.run("advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                "--allow-locking-builds", workload.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode recs = new ObjectMapper().readTree(run.out());
        JsonNode first = null;
        for (JsonNode r : recs) {
            if (r.get("kind").asText().equals("index") && r.get("costedWith").isArray()) {
                first = first == null ? r : first;
            }
        }
        assertThat(first).as("an index costed on a $n statement").isNotNull();
        JsonNode costed = first.get("costedWith").get(0);
        assertThat(costed.get("statement").asText()).matches(".*top[12]\\.sql");
        JsonNode value = costed.get("boundParameters").get(0);
        assertThat(value.get("number").asInt()).isEqualTo(1);
        assertThat(value.get("source").asText()).isIn("most-common-values", "histogram");
        assertThat(value.get("evidence").asText()).containsPattern("l_partkey|o_custkey");
        assertThat(value.get("literal").asText()).startsWith("'");
        assertThat(first.get("target").asText()).as("the fingerprint of the statement as given").contains("= $1");
        JsonNode statements = first.get("workloadTrial").get("statements");
        assertThat(statements.size()).isPositive();
        for (JsonNode st : statements) {
            assertThat(st.get("boundParameters").size()).as(st.toString()).isPositive();
            assertThat(st.get("beforeMs").asDouble()).isGreaterThan(st.get("afterMs").asDouble());
        }
        CliRun text = CliRun.run("advise", "--url", url, "-U", pg.user(), workload.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("costed \\S*top[12]\\.sql with \\$1 = '")
                .containsPattern("Skipped \\S*top3\\.sql: .*GENERIC_PLAN.*\\$2 cannot be given a representative value");

        CliRun single = CliRun.run("advise", "--url", url, "-U", pg.user(), "--format", "json", "--trial",
                "--allow-locking-builds", workload.resolve("top2.sql").toString());
        assertThat(single.exitCode()).as(single.err()).isZero();
        JsonNode trial = new ObjectMapper().readTree(single.out()).get(0).get("trial");
        assertThat(trial.get("skipped").isNull()).as(trial.toString()).isTrue();
        assertThat(trial.get("boundParameters").size()).isEqualTo(2);
        assertThat(trial.get("actualImprovementPercent").asDouble()).isGreaterThan(50);
        assertThat(indexCount(pg, db)).as("indexes after the trials").isEqualTo(indexesBefore);
    }

    private static long indexCount(DebianPostgres15 pg, String db) throws Exception {
        try (var c = pg.connect(db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void textNamesTheMethodAndTheSqlToApply(DebianPostgres15 pg) {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        CliRun run = CliRun.run("advise", "--url", url, "-U", pg.user(),
                Corpus.resolve("sql/tpch/queries/q17.sql").toString(),
                Corpus.resolve("sql/tpch/queries/q15.sql").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // q15's CREATE VIEW and DROP VIEW have no plan; its SELECT needs the view, which the read-only session
        // never creates: all three are listed as skipped with their reason (text and Markdown; not in the JSON list)
        assertThat(run.out()).contains("q15.sql#1: CREATE").contains("q15.sql#2: ")
                .contains("q15.sql#3: DROP").contains("Skipped ");
        assertThat(run.out()).contains("Method: HypoPG").contains("[index] Index public.lineitem (l_partkey")
                .contains("apply: CREATE INDEX CONCURRENTLY").contains("undo:  DROP INDEX");
    }

    @Test
    void badThresholdIsAUsageError() {
        CliRun run = CliRun.run("advise", "--url", "jdbc:postgresql://127.0.0.1:1/x", "--min-cost-cut", "120",
                Corpus.resolve("sql/tpch/queries/q17.sql").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("--min-cost-cut must be a percent between 0 and 100");
    }
}
