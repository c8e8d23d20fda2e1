package org.planwright.plans;

import org.planwright.plans.read.PlanReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the shared corpus: the root is the system property {@code planwright.corpus} (the build sets it),
 * falling back to {@code /work/shared/corpus}.
 */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path root() {
        String p = System.getProperty("planwright.corpus");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        return Path.of("/work/shared/corpus");
    }

    static Path plans(String sub) {
        return root().resolve("plans").resolve(sub);
    }

    /** @return regular files of {@code dir} whose names end with one of {@code suffixes}, sorted */
    static List<Path> list(Path dir, String... suffixes) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> suffixes.length == 0 || Stream.of(suffixes).anyMatch(x -> f.toString().endsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
