package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every generated TPC-H and Pagila text plan of the corpus, transformed the way other tools show it, reads into
 * the same plan as the original: pgAdmin's "copy" (each line a quoted cell, inner quotes doubled), DBeaver's text
 * export (a right border "|" after padded values, a "QUERY PLAN |" header and "-----+" rule), DBeaver's CSV export
 * (header, CSV quoting only where needed), indentation with tabs mixed with spaces (a tab taken as 8 columns, as
 * terminals and PostgreSQL's own psql expand it), Windows line ends; and every JSON plan flattened to one line.
 */
class PastedTextTest {

    private static List<Path> plans(String suffix) {
        List<Path> files = new ArrayList<>(CorpusFiles.list(CorpusFiles.plans("generated-tpch"), suffix));
        files.addAll(CorpusFiles.list(CorpusFiles.plans("generated-pagila"), suffix));
        files.removeIf(f -> f.getFileName().toString().startsWith("_"));
        return files;
    }

    static String pgAdminCopy(String text) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(l -> out.append('"').append(l.replace("\"", "\"\"")).append("\"\n"));
        return out.toString();
    }

    static String dbeaverText(String text) {
        int width = Math.max("QUERY PLAN".length(), text.lines().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder(pad("QUERY PLAN", width)).append("|\n");
        out.append("-".repeat(width)).append("+\n");
        text.lines().forEach(l -> out.append(pad(l, width)).append("|\n"));
        return out.toString();
    }

    static String dbeaverCsv(String text) {
        StringBuilder out = new StringBuilder("\"QUERY PLAN\"\n");
        text.lines().forEach(l -> out.append(l.contains(",") || l.contains("\"") || l.startsWith(" ")
                ? "\"" + l.replace("\"", "\"\"") + "\"" : l).append('\n'));
        return out.toString();
    }

    /** Leading runs of 8 spaces become tabs on every other line. */
    static String tabs(String text) {
        StringBuilder out = new StringBuilder();
        int[] n = {0};
        text.lines().forEach(l -> {
            int lead = 0;
            while (lead < l.length() && l.charAt(lead) == ' ') {
                lead++;
            }
            if (n[0]++ % 2 == 1 && lead >= 8) {
                out.append("\t".repeat(lead / 8)).append(" ".repeat(lead % 8)).append(l.substring(lead));
            } else {
                out.append(l);
            }
            out.append('\n');
        });
        return out.toString();
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pgAdmin", "DBeaver text", "DBeaver csv", "tabs", "CRLF"})
    void textPlansPastedFromOtherTools(String tool) {
        UnaryOperator<String> transform = switch (tool) {
            case "pgAdmin" -> PastedTextTest::pgAdminCopy;
            case "DBeaver text" -> PastedTextTest::dbeaverText;
            case "DBeaver csv" -> PastedTextTest::dbeaverCsv;
            case "tabs" -> PastedTextTest::tabs;
            default -> PastedTextTest::crlf;
        };
        List<Path> files = plans(".txt");
        assertThat(files).hasSizeGreaterThan(30);
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            String original = CorpusFiles.read(f);
            Plan expected = PlanParser.parse(original);
            try {
                Plan pasted = PlanParser.parse(transform.apply(original));
                FormatAgreement.assertTextAgrees(expected, pasted, true, tool + " " + f.getFileName());
                assertThat(pasted.nodes()).extracting(PlanNode::properties).as(tool + " " + f.getFileName())
                        .isEqualTo(expected.nodes().stream().map(PlanNode::properties).toList());
                assertThat(pasted.properties()).as(tool + " " + f.getFileName()).isEqualTo(expected.properties());
            } catch (PlanParseException e) {
                failed.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(failed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"one line", "pgAdmin one cell"})
    void jsonPlansOnOneLine(String how) {
        for (Path f : plans(".json")) {
            String original = CorpusFiles.read(f);
            String flat = original.replace("\r", "").replace("\n", " ");
            String pasted = how.equals("one line") ? flat : "\"" + flat.replace("\"", "\"\"") + "\"";
            Plan expected = PlanParser.parse(original);
            Plan p = PlanParser.parse(pasted);
            assertThat(p.format()).isEqualTo(Plan.Format.JSON);
            FormatAgreement.assertSameProperties(expected, p, how + " " + f.getFileName());
        }
    }
}
