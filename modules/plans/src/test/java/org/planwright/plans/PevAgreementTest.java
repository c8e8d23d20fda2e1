package org.planwright.plans;

import org.planwright.plans.read.NodeTypes;
import org.planwright.plans.read.TextDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Agreement with PEV2: each {@code _pev2_expected_parse/X-expect} (or {@code X.expect}) is PEV2's parse of the
 * text plan {@code X.txt}. The text plan goes through our text parser, the expectation through our JSON
 * parser, and both must give the same node count, node types in order and exclusive times per node.
 */
class PevAgreementTest {

    private static final Path EXPECT = CorpusFiles.plans("pev2/_pev2_expected_parse");
    private static final Path PEV2 = CorpusFiles.plans("pev2");

    /** "from-text__01-expect" -> "from-text__01.txt"; "21-io-timings__01-text.expect" -> "21-io-timings__01-text.txt". */
    static Path source(Path expect) {
        String name = expect.getFileName().toString();
        String base = name.endsWith(".expect") ? name.substring(0, name.length() - 7)
                : name.substring(0, name.length() - "-expect".length());
        return PEV2.resolve(base + ".txt");
    }

    @TestFactory
    Stream<DynamicTest> textPlansAgreeWithPevExpectations() {
        return CorpusFiles.list(EXPECT).stream()
                .filter(f -> CorpusFiles.read(f).contains("\"Plan\""))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> agree(f)));
    }

    private static void agree(Path expectFile) {
        Path src = source(expectFile);
        // the 12-line-wrapped-plans sources are listed in pev2/_index.tsv but were not staged in the corpus
        Assumptions.assumeTrue(Files.exists(src), "source " + src.getFileName() + " is not in the corpus");
        Plan text = PlanParser.parse(CorpusFiles.read(src));
        Plan expected = PlanParser.parse(CorpusFiles.read(expectFile));
        assertThat(text.format()).isEqualTo(Plan.Format.TEXT);
        String n = src.getFileName() + ": ";
        if (isPartial(text, expected)) {
            matchesPartially(n, text.root(), expected.root());
            return;
        }
        assertThat(text.nodeCount()).as(n + "node count").isEqualTo(expected.nodeCount());
        for (int i = 0; i < text.nodeCount(); i++) {
            PlanNode t = text.node(i);
            PlanNode e = expected.node(i);
            assertThat(t.nodeType()).as(n + "type of node " + i).isEqualTo(NodeTypes.canonical(e.nodeType()));
            assertThat(t.exclusiveTime()).as(n + "exclusive time of " + t).isCloseTo(e.exclusiveTime(), within(0.001));
        }
    }

    /**
     * PEV2's newer fixtures (from-text__40 and later) check only some keys of some nodes (Jest's toMatchObject):
     * an expectation without the actual times or costs that the text has, or without children.
     */
    private static boolean isPartial(Plan text, Plan expected) {
        PlanNode t = text.root();
        PlanNode e = expected.root();
        return t.actualLoops().isPresent() && e.actualLoops().isEmpty()
                || t.totalCost().isPresent() && e.totalCost().isEmpty();
    }

    /** Every key PEV2 expects has the same value in our parse; children are compared when PEV2 lists them. */
    private static void matchesPartially(String n, PlanNode mine, PlanNode expected) {
        expected.properties().forEach((k, v) -> {
            Object got = mine.properties().get(k);
            String what = n + k + " of " + mine;
            if (k.equals("Node Type")) {
                assertThat(mine.nodeType()).as(what).isEqualTo(NodeTypes.canonical(String.valueOf(v)));
            } else if (k.equals("Relation Name") && mine.schema().isPresent() && !v.equals(got)) {
                // PEV2 keeps the schema in the relation name ("public.\"t:1\""); PostgreSQL's JSON splits it
                assertThat(String.valueOf(v)).as(what).isIn(mine.schema().get() + "." + got,
                        mine.schema().get() + ".\"" + got + "\"");
            } else if (v instanceof String str && got instanceof Number && TextDetails.number(str) != null) {
                // PEV2 keeps some numbers of text plans as strings ("Sort Space Used": "678"); PostgreSQL's JSON
                // has numbers, as we do
                assertThat(((Number) got).doubleValue()).as(what).isEqualTo(TextDetails.number(str).doubleValue());
            } else if (v instanceof Number num) {
                assertThat(got).as(what).isInstanceOf(Number.class);
                assertThat(((Number) got).doubleValue()).as(what).isCloseTo(num.doubleValue(), within(1e-9));
            } else {
                assertThat(got).as(what).isEqualTo(v);
            }
        });
        if (!expected.children().isEmpty()) {
            assertThat(mine.children()).as(n + "children of " + mine).hasSameSizeAs(expected.children());
            for (int i = 0; i < expected.children().size(); i++) {
                matchesPartially(n, mine.children().get(i), expected.children().get(i));
            }
        }
    }

    /** Counts the overlap so that a corpus change that silently drops the oracle is noticed. */
    @Test
    void mostExpectationsHaveTheirSourceInTheCorpus() {
        List<Path> plans = CorpusFiles.list(EXPECT).stream()
                .filter(f -> CorpusFiles.read(f).contains("\"Plan\"")).toList();
        long withSource = plans.stream().filter(f -> Files.exists(source(f))).count();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(55);
        assertThat(withSource).isGreaterThanOrEqualTo(45);
    }

    /**
     * The 21-io-timings expectations hold the root node's I/O timing keys as PEV2 parses them (keys starting
     * with "*" are PEV2's own derived values and are not compared).
     */
    @TestFactory
    Stream<DynamicTest> ioTimingsAgreeWithPev() {
        return CorpusFiles.list(EXPECT, ".expect").stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    Plan text = PlanParser.parse(CorpusFiles.read(source(f)));
                    Map<String, Object> root = text.root().properties();
                    List<String> compared = new ArrayList<>();
                    // the expectation is a flat object: read it as the properties of a one-node JSON plan
                    String flat = CorpusFiles.read(f).strip();
                    Map<String, Object> expected = PlanParser.parse("{\"Plan\": {\"Node Type\": \"Result\", "
                            + flat.substring(1) + "}").root().properties();
                    expected.forEach((k, v) -> {
                        if (k.equals("Node Type")) {
                            return;
                        }
                        if (!String.valueOf(k).startsWith("*")) {
                            Object mine = root.get(String.valueOf(k));
                            assertThat(mine).as(f.getFileName() + ": " + k).isInstanceOf(Number.class);
                            assertThat(((Number) mine).doubleValue()).as(String.valueOf(k))
                                    .isCloseTo(((Number) v).doubleValue(), within(1e-9));
                            compared.add(String.valueOf(k));
                        }
                    });
                    assertThat(compared).isNotEmpty();
                }));
    }
}
