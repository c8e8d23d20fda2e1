package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text plan of the corpus parses, or fails with a positioned error; the broken ones fail. */
class TextCorpusTest {

    private record Outcome(List<String> parsed, List<String> failed) {
    }

    private static Outcome run(List<Path> files, boolean checkArrows) {
        List<String> parsed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            String src = CorpusFiles.read(f);
            try {
                Plan plan = PlanParser.parse(src);
                parsed.add(f.getFileName().toString());
                assertThat(plan.nodes()).as(f.toString()).allSatisfy(n ->
                        assertThat(n.exclusiveTime()).isGreaterThanOrEqualTo(0.0));
                if (checkArrows && plan.format() == Plan.Format.TEXT) {
                    // every node but the root starts with "->" in PostgreSQL's text format
                    long arrows = src.lines().filter(l -> l.strip().startsWith("->")).count();
                    long rootArrow = src.lines().filter(l -> !l.isBlank()).findFirst()
                            .map(l -> l.strip().startsWith("->") ? 1 : 0).orElse(0);
                    assertThat(plan.nodeCount()).as(f.toString()).isEqualTo(arrows + 1 - rootArrow);
                }
            } catch (PlanParseException e) {
                assertThat(e.line()).as(f + ": " + e.getMessage()).isBetween(1, (int) src.lines().count() + 1);
                assertThat(e.column()).isPositive();
                assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column() + ": ");
                failed.add(f.getFileName() + " -> " + e.getMessage());
            }
        }
        return new Outcome(parsed, failed);
    }

    private static List<Path> textPlans(String dir) {
        return CorpusFiles.list(CorpusFiles.plans(dir), ".txt").stream()
                .filter(f -> !f.getFileName().toString().startsWith("_")) // _timings.txt is not a plan
                .filter(f -> !CorpusFiles.looksJson(CorpusFiles.read(f))).toList();
    }

    @Test
    void pev2TextPlansAllParse() {
        List<Path> files = textPlans("pev2");
        Outcome o = run(files, false);
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(o.failed()).isEmpty();
    }

    @Test
    void generatedTextPlansParseWithOneNodePerArrow() {
        List<Path> files = new ArrayList<>(textPlans("generated-tpch"));
        files.addAll(textPlans("generated-pagila"));
        Outcome o = run(files, true);
        assertThat(files).hasSize(35);
        assertThat(o.failed()).isEmpty();
    }

    /** The text plans agree with the JSON plans of the same queries (separate runs: shapes, not times). */
    @Test
    void generatedTextAndJsonPlansHaveTheSameShape() {
        List<String> differ = new ArrayList<>();
        for (String dir : List.of("generated-tpch", "generated-pagila")) {
            for (Path json : CorpusFiles.list(CorpusFiles.plans(dir), ".json")) {
                Path txt = Path.of(json.toString().replace(".json", ".txt"));
                Plan a = PlanParser.parse(CorpusFiles.read(json));
                Plan b = PlanParser.parse(CorpusFiles.read(txt));
                List<String> ta = a.nodes().stream().map(n -> n.nodeType() + " " + n.relationName().orElse("")
                        + " " + n.parentRelationship().orElse("") + " " + n.joinType().orElse("")).toList();
                List<String> tb = b.nodes().stream().map(n -> n.nodeType() + " " + n.relationName().orElse("")
                        + " " + n.parentRelationship().orElse("") + " " + n.joinType().orElse("")).toList();
                if (!ta.equals(tb)) {
                    differ.add(json.getFileName() + ": " + ta + " vs " + tb);
                }
            }
        }
        assertThat(differ).isEmpty();
    }

    /**
     * PostgreSQL 15's regression plans (mostly COSTS OFF). Known failures, each with a positioned error: five
     * empty .json files (the plan cut from the .out file was empty) and two files holding two plans each.
     */
    @Test
    void pgRegressPlansParseOrFailWithAPosition() {
        List<Path> files = CorpusFiles.list(CorpusFiles.plans("pg-regress-15/plans"));
        Outcome o = run(files, true);
        assertThat(files).hasSizeGreaterThan(1500);
        assertThat(o.parsed().size()).as("parsed " + o.parsed().size() + " of " + files.size())
                .isGreaterThanOrEqualTo((int) (files.size() * 0.99));
        assertThat(o.failed()).as(String.join("\n", o.failed())).hasSize(7);
        assertThat(o.failed()).filteredOn(s -> s.contains(".json -> line 1, column 1: expected a plan")).hasSize(5);
        // rules rewrite one statement into two: psql shows two plans in one result
        assertThat(o.failed()).filteredOn(s -> s.contains("line 8, column 1: a second plan starts here"))
                .extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("0256_foreign-key_L1460.txt", "1412_updatable-views_L2519.txt");
    }
}
