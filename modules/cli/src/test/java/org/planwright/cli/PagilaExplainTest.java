package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The 13 Pagila queries of the corpus ({@code plans/generated-pagila/_queries.sql}, a plain SQL file with a
 * {@code -- name:} comment before each query) on the real Pagila database.
 */
@ExtendWith(PostgresExtension.class)
class PagilaExplainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path QUERIES = Corpus.resolve("plans/generated-pagila/_queries.sql");

    private static PostgresFixture pg;
    private static String url;
    private static CliRun analyzeJson;
    private static BigDecimal rateSumBefore;

    @BeforeAll
    static void runWithAnalyze(PostgresFixture fixture) throws SQLException {
        pg = fixture;
        url = fixture.pagila();
        rateSumBefore = scalar("select sum(rental_rate) from film");
        analyzeJson = CliRun.run("explain", "--url", url, "-U", fixture.user(), "--analyze", "--format", "json",
                QUERIES.toString());
    }

    @Test
    void everyQueryGetsAPlanRootedWhereTheCorpusPlanIsRooted() throws IOException {
        CliRun r = CliRun.run("explain", "--url", url, "-U", pg.user(), "--format", "json", QUERIES.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("options").get("analyze").asBoolean()).isFalse();
        JsonNode statements = report.get("statements");
        List<String> names = queryNames();
        assertThat(names).hasSize(13);
        assertThat(statements).hasSize(13);
        for (int i = 0; i < names.size(); i++) {
            JsonNode s = statements.get(i);
            JsonNode corpusPlan = JSON.readTree(Corpus.resolve("plans/generated-pagila/pagila-" + names.get(i)
                    + ".json").toFile()).get(0).get("Plan");
            assertThat(s.get("status").asText()).as(names.get(i)).isEqualTo("ok");
            assertThat(s.get("plan").get("rootNodeType").asText()).as(names.get(i))
                    .isEqualTo(corpusPlan.get("Node Type").asText());
            assertThat(s.get("plan").get("executionTimeMs").isNull()).as("plain EXPLAIN runs nothing").isTrue();
            assertThat(s.get("plan").get("actualRows").isNull()).isTrue();
        }
    }

    @Test
    void analyzeRunsTheUpdateAndRollsItBack() throws IOException, SQLException {
        assertThat(analyzeJson.exitCode()).as(analyzeJson.err()).isZero();
        JsonNode update = JSON.readTree(analyzeJson.out()).get("statements").get(11);

        assertThat(update.get("kind").asText()).isEqualTo("update");
        assertThat(update.get("plan").get("rootNodeType").asText()).isEqualTo("ModifyTable");
        assertThat(update.get("plan").get("actualRows").asLong())
                .isEqualTo(scalar("select count(*) from film where rating = 'G'").longValue());
        assertThat(update.get("plan").get("executionTimeMs").asDouble()).isPositive();
        assertThat(scalar("select sum(rental_rate) from film")).as("rolled back").isEqualByComparingTo(rateSumBefore);
    }

    @Test
    void theRentalReportsFilteringSeqScanIsAnInsight() throws IOException {
        JsonNode report = JSON.readTree(analyzeJson.out()).get("statements").get(12);

        assertThat(report.get("sql").asText()).contains("-- name: many_joins_rental_report");
        List<String> findings = new ArrayList<>();
        report.get("insights").forEach(i -> findings.add(i.get("kind").asText() + " @ " + i.get("node").asText()));
        assertThat(findings).contains("seq-scan-filter @ Seq Scan on rental");
    }

    @Test
    void textIsTheDefaultAndNamesEachStatementByFileNumberAndLine() {
        CliRun r = CliRun.run("explain", "--url", url, "-U", pg.user(), QUERIES.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("planwright ")
                .contains(QUERIES + " #1 (line 2) ok: WITH pay AS MATERIALIZED (SELECT customer_id")
                .contains(QUERIES + " #12 (line 24) ok: UPDATE film SET rental_rate = rental_rate * 1.1")
                .contains("plan: 2 nodes, root ModifyTable, total cost ")
                .endsWith("13 statements: 13 ok, 0 failed, 0 skipped\n");
    }

    @Test
    void markdownHasAHeadingPerFileAndATablePerStatementsInsights(@TempDir Path dir) throws IOException {
        Path more = Files.writeString(dir.resolve("more.sql"), "select title from film where film_id = 7;\n");

        CliRun r = CliRun.run("explain", "--url", url, "-U", pg.user(), "--analyze", "--format", "markdown",
                QUERIES.toString(), more.toString());

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("## ")).containsExactly("## " + QUERIES, "## " + more);
        assertThat(lines).filteredOn(l -> l.startsWith("### Statement ")).hasSize(14);
        assertThat(lines).filteredOn(l -> l.equals("| Score | Kind | Title | Node | Explanation |"))
                .hasSize((int) lines.stream().filter(l -> l.equals("|---:|---|---|---|---|")).count())
                .hasSizeGreaterThanOrEqualTo(13);
        assertThat(r.out()).contains("| seq-scan-filter | Seq Scan on rental (node ");
    }

    /** @return the {@code -- name:} of each query, in file order */
    private static List<String> queryNames() throws IOException {
        Matcher m = Pattern.compile("(?m)^-- name: (\\w+)$").matcher(Files.readString(QUERIES));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static BigDecimal scalar(String sql) throws SQLException {
        try (Connection c = pg.connect("pagila"); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
