package org.planwright.sqltext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code ../shared/corpus} for tests: the build passes {@code planwright.corpus}; otherwise it is searched
 * upwards from the working directory. (Kept here rather than taken from test-support so that sql-text, the
 * bottom module, depends on nothing of the project.)
 */
public final class TestCorpus {

    private TestCorpus() {
    }

    public static Path resolve(String relative) {
        String prop = System.getProperty("planwright.corpus");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).resolve(relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/corpus not found beside the checkout; set -Dplanwright.corpus=PATH");
    }

    /** @return the {@code .sql} files of a corpus folder, sorted by name */
    public static List<Path> sqlFiles(String folder) {
        try (Stream<Path> files = Files.list(resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
