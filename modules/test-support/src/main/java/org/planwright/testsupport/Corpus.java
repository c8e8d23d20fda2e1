package org.planwright.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/corpus} (real plans, SQL and sample databases; see its README). The build passes
 * its path as system property {@code planwright.corpus}; otherwise it is searched upwards from the working
 * directory.
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
}
