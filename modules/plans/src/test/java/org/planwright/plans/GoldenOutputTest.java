package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected-output files for the corpus's generated TPC-H and Pagila plans (JSON and text): for every plan file
 * {@code plans/generated-tpch/X} or {@code plans/generated-pagila/X} of the corpus there is
 * {@code src/test/resources/golden/<folder>/X.golden} holding, per node in pre-order, its id, display type,
 * relation, index, exclusive time (ms, 3 decimals), exclusive buffers (in EXPLAIN's own words and 8 kB blocks) and
 * row misestimate (direction and factor). The test renders the parsed plan the same way and compares it with the
 * file, line by line.
 *
 * <p>Regenerate after an intended change of the arithmetic with
 * {@code ./mvnw -o -pl modules/plans verify -Dtest=GoldenOutputTest -Dplanwright.golden.update=true} (run from the
 * repository root; the test then writes the files instead of comparing), and check the changed values by hand
 * against the raw plans before committing them (see {@code golden/README.md} for the values checked so far).
 */
class GoldenOutputTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("planwright.golden.update");

    static Stream<String> plans() {
        return Stream.of("generated-tpch", "generated-pagila")
                .flatMap(folder -> CorpusFiles.list(CorpusFiles.plans(folder), ".json", ".txt").stream()
                        .filter(f -> !f.getFileName().toString().startsWith("_")) // _timings.txt, _queries.sql
                        .map(f -> folder + "/" + f.getFileName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void planMatchesItsGoldenFile(String plan) throws IOException {
        Plan p = PlanParser.parse(CorpusFiles.read(CorpusFiles.root().resolve("plans").resolve(plan)));
        String actual = render(plan, p);
        Path golden = GOLDEN.resolve(plan + ".golden");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Dplanwright.golden.update=true").isRegularFile();
        List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
        assertThat(actual.lines().toList()).as(plan).containsExactlyElementsOf(expected);
    }

    /** The golden text of a plan: a header naming the columns, then one tab-separated line per node. */
    static String render(String name, Plan p) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(name).append(": ").append(p.nodeCount()).append(" nodes, execution time ")
                .append(p.executionTime().isPresent() ? ms(p.executionTime().getAsDouble()) + " ms" : "-")
                .append('\n');
        out.append("# id\tdisplay type\trelation\tindex\texclusive ms\texclusive buffers\trow misestimate\n");
        for (PlanNode n : p.nodes()) {
            out.append(n.id()).append('\t')
                    .append("  ".repeat(depth(n))).append(n.displayType()).append('\t')
                    .append(n.relationName().orElse("-")).append('\t')
                    .append(n.indexName().orElse("-")).append('\t')
                    .append(ms(n.exclusiveTime())).append('\t')
                    .append(buffers(n.exclusiveBuffers())).append('\t')
                    .append(n.rowEstimate().map(GoldenOutputTest::estimate).orElse("-")).append('\n');
        }
        return out.toString();
    }

    private static int depth(PlanNode n) {
        int d = 0;
        for (PlanNode p = n.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            d++;
        }
        return d;
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** As EXPLAIN prints them: "shared hit=12 read=3, temp read=5 written=5"; zero fields left out; "-" if none. */
    static String buffers(Buffers b) {
        List<String> parts = new ArrayList<>();
        part(parts, "shared", new String[] {"hit", "read", "dirtied", "written"},
                b.sharedHit(), b.sharedRead(), b.sharedDirtied(), b.sharedWritten());
        part(parts, "local", new String[] {"hit", "read", "dirtied", "written"},
                b.localHit(), b.localRead(), b.localDirtied(), b.localWritten());
        part(parts, "temp", new String[] {"read", "written"}, b.tempRead(), b.tempWritten());
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static void part(List<String> parts, String kind, String[] names, long... values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != 0) {
                s.append(' ').append(names[i]).append('=').append(values[i]);
            }
        }
        if (!s.isEmpty()) {
            parts.add(kind + s);
        }
    }

    private static String estimate(RowEstimate e) {
        return switch (e.direction()) {
            case NONE -> "exact";
            case UNDER -> String.format(Locale.ROOT, "under %.2fx", e.factor());
            case OVER -> String.format(Locale.ROOT, "over %.2fx", e.factor());
        };
    }
}
