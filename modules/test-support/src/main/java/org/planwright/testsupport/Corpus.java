package org.planwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates {@code ../shared/corpus} (real plans, SQL and sample databases; see its README). The build passes
 * its path as system property {@code planwright.corpus}; otherwise it is searched upwards from the working
 * directory. The one corpus helper of every module's tests (plans, sql-text, cli, app): lookup, listing and reading.
 *
 * <p>A corpus test must never pass on an empty folder: {@link #list} refuses a folder without a matching file,
 * and {@link #files} also checks a minimum count (JsonCorpusTest-style count guards).
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * @return the corpus root directory
     * @throws IllegalStateException when no corpus is found
     */
    public static Path root() {
        String prop = System.getProperty("planwright.corpus");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = p.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus not found beside the checkout; set -Dplanwright.corpus=PATH");
    }

    /**
     * @param relative path inside the corpus, e.g. {@code "plans/generated-tpch"}
     * @return the resolved path
     */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /**
     * @param sub a folder under {@code plans/}, e.g. {@code "generated-tpch"} or {@code "pev2"}
     * @return the resolved folder
     */
    public static Path plans(String sub) {
        return root().resolve("plans").resolve(sub);
    }

    /**
     * @param dir      a folder
     * @param suffixes file name endings to keep, e.g. {@code ".json"}; none keeps every file
     * @return the regular files of {@code dir} (not recursive) whose names end with one of {@code suffixes},
     *         sorted by path; never empty
     * @throws UncheckedIOException  when the folder cannot be listed (e.g. it does not exist)
     * @throws IllegalStateException when no file matches: a test looping over the result would pass vacuously
     */
    public static List<Path> list(Path dir, String... suffixes) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> suffixes.length == 0 || Stream.of(suffixes).anyMatch(x -> f.toString().endsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no " + (suffixes.length == 0 ? "" : String.join("/", suffixes) + " ")
                    + "files in corpus folder " + dir + ": a corpus test must not pass on an empty folder");
        }
        return files;
    }

    /**
     * {@link #list} with a count guard: a corpus test must not pass on an empty or thinned-out folder.
     *
     * @param relative path of a folder inside the corpus, e.g. {@code "sql/pagila"}
     * @param atLeast  the fewest files the test accepts (below today's count, so adding files never breaks it)
     * @param suffixes file name endings to keep
     * @return the files, sorted
     * @throws IllegalStateException when fewer than {@code atLeast} files are found
     */
    public static List<Path> files(String relative, int atLeast, String... suffixes) {
        List<Path> files = list(resolve(relative), suffixes);
        if (files.size() < atLeast) {
            throw new IllegalStateException("expected at least " + atLeast + " " + String.join("/", suffixes)
                    + " files in corpus folder " + relative + ", found " + files.size());
        }
        return files;
    }

    /**
     * @param folder a folder inside the corpus, e.g. {@code "sql/tpch"}
     * @return its {@code .sql} files, sorted by name
     */
    public static List<Path> sqlFiles(String folder) {
        return list(resolve(folder), ".sql");
    }

    /**
     * @param file a corpus file
     * @return its text (UTF-8)
     * @throws UncheckedIOException when it cannot be read
     */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
