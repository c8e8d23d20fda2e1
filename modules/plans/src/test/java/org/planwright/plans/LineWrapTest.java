package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans pasted from a terminal that hard-wraps long lines at a fixed width (continuations start in column 1).
 * PEV2's own line-wrapped fixtures are not in the corpus, so the real TPC-H text plans are wrapped here the
 * way a 100-column terminal does (cut next to a non-space, since trailing spaces do not survive a copy), and
 * must parse to the same tree, times and filters as the original.
 */
class LineWrapTest {

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > width) {
                int cut = width;
                while (cut > width / 2 && (rest.charAt(cut) == ' ' || rest.charAt(cut - 1) == ' ')) {
                    cut--; // a space at the cut would be lost as trailing white space on copy
                }
                out.append(rest, 0, cut).append('\n');
                rest = rest.substring(cut);
            }
            out.append(rest).append('\n');
        }
        return out.toString();
    }

    @Test
    void wrappedTpchTextPlansParseLikeTheOriginals() {
        List<String> differ = new ArrayList<>();
        int wrappedFiles = 0;
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-tpch"), ".txt")) {
            if (f.getFileName().toString().startsWith("_")) {
                continue;
            }
            String text = CorpusFiles.read(f);
            String wrapped = wrap(text, 100);
            if (wrapped.lines().count() > text.lines().count()) {
                wrappedFiles++;
            }
            Plan a = PlanParser.parse(text);
            Plan b;
            try {
                b = PlanParser.parse(wrapped);
            } catch (PlanParseException e) {
                differ.add(f.getFileName() + ": " + e.getMessage());
                continue;
            }
            if (a.nodeCount() != b.nodeCount()) {
                differ.add(f.getFileName() + ": " + a.nodeCount() + " vs " + b.nodeCount() + " nodes");
                continue;
            }
            for (int i = 0; i < a.nodeCount(); i++) {
                assertThat(b.node(i).nodeType()).isEqualTo(a.node(i).nodeType());
                assertThat(b.node(i).exclusiveTime()).isCloseTo(a.node(i).exclusiveTime(), within(1e-9));
                assertThat(b.node(i).filter()).isEqualTo(a.node(i).filter());
            }
            assertThat(b.executionTime()).isEqualTo(a.executionTime());
        }
        assertThat(wrappedFiles).isGreaterThan(15);
        assertThat(differ).isEmpty();
    }
}
