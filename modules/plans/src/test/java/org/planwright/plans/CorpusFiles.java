package org.planwright.plans;

import org.planwright.plans.read.PlanReaders;
import java.nio.file.Path;
import java.util.List;
import org.planwright.testsupport.Corpus;

/**
 * The plan-specific corpus helpers; lookup, listing and reading are test-support's {@link Corpus}.
 */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path root() {
        return Corpus.root();
    }

    static Path plans(String sub) {
        return Corpus.plans(sub);
    }

    /** @return regular files of {@code dir} whose names end with one of {@code suffixes}, sorted */
    static List<Path> list(Path dir, String... suffixes) {
        return Corpus.list(dir, suffixes);
    }

    static String read(Path file) {
        return Corpus.read(file);
    }

    static Plan parse(String sub, String name) {
        return PlanParser.parse(read(plans(sub).resolve(name)));
    }

    /** @return true if the file holds a JSON plan (possibly framed or quoted) rather than a text plan */
    static boolean looksJson(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.equals("QUERY PLAN") || t.chars().allMatch(c -> c == '-' || c == '+')) {
                continue;
            }
            return PlanReaders.startsJson(t, 0) || t.startsWith("\"") && PlanReaders.startsJson(t, 1);
        }
        return false;
    }

    /** @return number of "Node Type" keys in a JSON source */
    static int nodeTypeKeys(String json) {
        int count = 0;
        int at = json.indexOf("Node Type\"");
        while (at >= 0) {
            count++;
            at = json.indexOf("Node Type\"", at + 1);
        }
        return count;
    }
}
