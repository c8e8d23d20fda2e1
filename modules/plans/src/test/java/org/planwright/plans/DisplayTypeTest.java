package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanNode#displayType()} must name each node as PostgreSQL's own text format does. Oracle: the corpus
 * holds every generated TPC-H and Pagila query in both formats from the same server; the JSON parse's display
 * types are compared, in pre-order, with the names on the text plan's node lines.
 */
class DisplayTypeTest {

    /** A node line's name: after an optional "->", up to " on ", " using " or the cost parenthesis. */
    private static final Pattern NODE_LINE = Pattern.compile(
            "^\\s*(?:->\\s+)?(.+?)(?:\\s+(?:on|using)\\s+\\S.*?)?\\s+\\(cost=");

    @Test
    void jsonDisplayTypesMatchTheTextFormatsNodeNames() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String dir : List.of("generated-tpch", "generated-pagila")) {
            for (Path json : CorpusFiles.list(CorpusFiles.plans(dir), ".json")) {
                Path text = json.resolveSibling(json.getFileName().toString().replace(".json", ".txt"));
                List<String> expected = new ArrayList<>();
                for (String line : CorpusFiles.read(text).split("\n")) {
                    Matcher m = NODE_LINE.matcher(line);
                    if (m.find()) {
                        expected.add(m.group(1).strip());
                    }
                }
                List<String> actual = PlanParser.parse(CorpusFiles.read(json)).nodes().stream()
                        .map(PlanNode::displayType).toList();
                if (!actual.equals(expected)) {
                    mismatches.add(json.getFileName() + ": " + actual + " vs " + expected);
                }
                compared += actual.size();
            }
        }
        assertThat(compared).as("nodes compared in 35 plan pairs").isGreaterThan(300);
        assertThat(mismatches).isEmpty();
    }
}
