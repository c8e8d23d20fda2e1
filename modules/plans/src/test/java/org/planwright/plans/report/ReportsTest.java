package org.planwright.plans.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.testsupport.Corpus;

/**
 * The Markdown, HTML and JSON reports of real corpus plans (TPC-H q9 at scale 1, PostgreSQL 15), with a query
 * that tries to break out of each format.
 */
class ReportsTest {

    private static final String HOSTILE_QUERY = "select '<script>alert(\"x\")</script>' as a, 'x|y' as \"b&c\"\n"
            + "from t -- ```\n";

    private static Plan corpus(String file) throws Exception {
        return PlanParser.parse(Files.readString(Corpus.resolve("plans/generated-tpch").resolve(file)));
    }

    private static PlanReport report() throws Exception {
        Plan plan = corpus("tpch-q9.json");
        return new PlanReport("q9 <b>bold</b>.json", plan, new InsightEngine().analyze(plan), HOSTILE_QUERY);
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() throws Exception {
        PlanReport r = report();
        String html = HtmlReport.plan(r);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
        assertThat(html).doesNotContain("<script").doesNotContain("<b>bold</b>").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("<link").doesNotContain("src=");
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("q9 &lt;b&gt;bold&lt;/b&gt;.json");
        for (var n : r.plan().nodes()) {
            assertThat(html).contains(ReportText.html(ReportText.nodeName(n)));
        }
        assertThat(r.insights()).isNotEmpty();
        assertThat(html).contains(ReportText.html(r.insights().getFirst().title()));
    }

    @Test
    void markdownKeepsTablesAndTheCodeFenceIntact() throws Exception {
        PlanReport r = report();
        String md = MarkdownReport.plan(r);

        assertThat(md).contains("```sql\n" + HOSTILE_QUERY.replace("```", "` ` `") + "\n```\n");
        assertThat(md.split("```", -1)).hasSize(3);
        long rows = md.lines().filter(l -> l.matches("\\| \\d+ \\| .*")).count();
        assertThat(rows).isEqualTo(r.plan().nodeCount() + r.insights().size());
        assertThat(md.lines().filter(l -> l.startsWith("| ")))
                .allSatisfy(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .isIn(5L, 8L));
    }

    @Test
    void jsonCarriesEveryNodeAndInsightWithTheirNumbers() throws Exception {
        PlanReport r = report();
        JsonNode json = new ObjectMapper().readTree(JsonReport.plan(r));

        assertThat(json.get("formatVersion").asInt()).isEqualTo(JsonReport.FORMAT_VERSION);
        assertThat(json.get("query").asText()).isEqualTo(HOSTILE_QUERY);
        assertThat(json.get("executionTimeMs").asDouble()).isEqualTo(r.plan().executionTime().getAsDouble());
        assertThat(json.get("nodes")).hasSize(r.plan().nodeCount());
        JsonNode first = json.get("nodes").get(1);
        assertThat(first.get("parentId").asInt()).isZero();
        assertThat(first.get("exclusiveTimeMs").asDouble()).isEqualTo(r.plan().node(1).exclusiveTime());
        assertThat(json.get("insights")).hasSize(r.insights().size());
        assertThat(json.get("insights").get(0).get("score").asInt()).isEqualTo(r.insights().getFirst().score());
    }

    @Test
    void comparisonReportsShowVerdictTotalsAndEveryMatchedNode() throws Exception {
        Plan json = corpus("tpch-q9.json");
        Plan text = corpus("tpch-q9.txt");
        PlanComparison c = PlanComparison.compare(json, text);
        ComparisonReport r = new ComparisonReport("tpch-q9.json", "<tpch-q9.txt>", c);

        String md = MarkdownReport.comparison(r);
        assertThat(md).contains("- Verdict: **" + c.verdict().name().toLowerCase(java.util.Locale.ROOT))
                .contains("| Execution time (ms) | " + ReportText.number(c.totals().executionTime().before(), 3)
                        + " | " + ReportText.number(c.totals().executionTime().after(), 3) + " | ")
                .contains("No change: the plans have the same shape.");

        String html = HtmlReport.comparison(r);
        assertThat(html).contains("&lt;tpch-q9.txt&gt;").doesNotContain("<tpch-q9.txt>");
        assertThat(html.split("<tr>", -1).length - 1).isGreaterThanOrEqualTo(c.pairs().size());

        JsonNode j = new ObjectMapper().readTree(JsonReport.comparison(r));
        assertThat(j.get("report").asText()).isEqualTo("plan-diff");
        assertThat(j.get("pairs")).hasSize(c.pairs().size());
        assertThat(j.get("sameShape").asBoolean()).isTrue();
        assertThat(j.get("totals").get("executionTimeMs").get("difference").asDouble())
                .isEqualTo(c.totals().executionTime().difference());
        assertThat(j.get("verdict").asText()).isEqualTo(ReportLabels.token(c.verdict()));
    }

    @Test
    void aComparisonWithChangesListsThemInEveryFormat() throws Exception {
        Plan q4 = corpus("tpch-q4.json");
        Plan q3 = corpus("tpch-q3.json");
        PlanComparison c = PlanComparison.compare(q4, q3);
        assertThat(c.changes()).isNotEmpty();
        ComparisonReport r = new ComparisonReport("q4", "q3", c);
        String md = MarkdownReport.comparison(r);
        String html = HtmlReport.comparison(r);
        JsonNode j = new ObjectMapper().readTree(JsonReport.comparison(r));
        assertThat(j.get("changes")).hasSize(c.changes().size());
        for (var ch : c.changes()) {
            assertThat(md).contains(ReportText.markdownCell(ch.description()));
            assertThat(html).contains(ReportText.html(ch.description()));
        }
    }
}
