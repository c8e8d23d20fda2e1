package org.planwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The 22 TPC-H queries of the corpus ({@code sql/tpch/queries/q1.sql .. q22.sql}, PostgreSQL syntax). Each file
 * holds one query, except q15, which creates the view {@code revenue0}, queries it and drops it.
 */
public final class TpchQueries {

    private TpchQueries() {
    }

    /**
     * One query file split into statements.
     *
     * @param number     1..22
     * @param file       the file in the corpus
     * @param statements the file's statements in order, without the terminating semicolon; comments kept
     */
    public record TpchQuery(int number, Path file, List<String> statements) {

        /** @return the query to run or EXPLAIN: the first statement that is a SELECT or WITH query */
        public String query() {
            return statements.stream().filter(TpchQueries::isQuery).findFirst().orElseThrow(
                    () -> new IllegalStateException(file + " holds no SELECT"));
        }

        /** @return statements to run before {@link #query()} (q15: {@code create view revenue0 ...}) */
        public List<String> setup() {
            return statements.subList(0, statements.indexOf(query()));
        }

        /** @return statements to run after {@link #query()} (q15: {@code drop view revenue0}) */
        public List<String> teardown() {
            return statements.subList(statements.indexOf(query()) + 1, statements.size());
        }
    }

    /**
     * @return the 22 queries, q1 first
     * @throws UncheckedIOException when a file cannot be read
     */
    public static List<TpchQuery> all() {
        return IntStream.rangeClosed(1, 22).mapToObj(TpchQueries::query).toList();
    }

    /**
     * @param number 1..22
     * @return that query
     * @throws IllegalArgumentException when {@code number} is out of range
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static TpchQuery query(int number) {
        if (number < 1 || number > 22) {
            throw new IllegalArgumentException("TPC-H queries are numbered 1..22: " + number);
        }
        Path file = Corpus.resolve("sql/tpch/queries/q" + number + ".sql");
        try {
            return new TpchQuery(number, file, split(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits at semicolons that end a line. Enough for these files (no semicolon inside a literal or a comment);
     * a general SQL script needs the sql-text module's splitter.
     */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                addIfCode(statements, current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfCode(statements, current.toString());
        return List.copyOf(statements);
    }

    private static void addIfCode(List<String> statements, String statement) {
        boolean code = statement.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--"));
        if (code) {
            statements.add(statement.strip());
        }
    }

    private static boolean isQuery(String statement) {
        String code = statement.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .findFirst().orElse("").toLowerCase(Locale.ROOT);
        return code.startsWith("select") || code.startsWith("with");
    }
}
