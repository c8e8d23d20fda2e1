package org.planwright.app.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.workload.StatementFigures;

/**
 * The statements the index advisor gets from the Workload page, and those it cannot get with the reason: the top
 * statements of pg_stat_statements (weight = calls) or every statement of a folder's {@code .sql} files (weight 1).
 *
 * @param statements explainable statements, in the order found
 * @param skipped    statements left out before planning, with the reason (one line each)
 */
public record AdviceWorkload(List<WorkloadStatement> statements, List<IndexAdvice.Skipped> skipped) {

    public AdviceWorkload {
        statements = List.copyOf(statements);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param top      top statements by total time (pg_stat_statements figures), most first
     * @param database the connected database: statements of other databases are skipped (their tables are not here)
     * @return the explainable statements, labelled {@code top N (queryid Q)}, weighted by calls; statements with
     *     {@code $n} parameters (outside strings and comments) are kept: the index advisor plans them with
     *     {@code EXPLAIN (GENERIC_PLAN)} on PostgreSQL 16+ and with representative values from pg_stats on older
     *     servers, and skips those it cannot give values, with the reason
     */
    public static AdviceWorkload fromTopStatements(List<StatementFigures> top, String database) {
        List<WorkloadStatement> out = new ArrayList<>();
        List<IndexAdvice.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            StatementFigures f = top.get(i);
            String label = String.format(Locale.ROOT, "top %d (queryid %d)", i + 1, f.counters().key().queryId());
            String sql = f.query().strip();
            if (database != null && f.counters().database() != null && !f.counters().database().equals(database)) {
                skipped.add(new IndexAdvice.Skipped(label, "runs in database " + f.counters().database()
                        + ", not the connected " + database));
                continue;
            }
            List<SqlStatement> parts = SqlScript.split(sql);
            if (parts.size() != 1 || !parts.getFirst().kind().isExplainable()) {
                skipped.add(new IndexAdvice.Skipped(label, (parts.isEmpty() || parts.getFirst().command().isEmpty()
                        ? "this statement" : parts.getFirst().command()) + " has no plan to improve"));
                continue;
            }
            out.add(new WorkloadStatement(label, parts.getFirst().text(), f.calls()));
        }
        return new AdviceWorkload(out, skipped);
    }

    /**
     * @param folder a folder of {@code .sql} files (not recursive), read as UTF-8 in name order
     * @return every explainable statement, labelled {@code file.sql} or {@code file.sql#n}, weight 1; the others
     *     skipped with their line
     * @throws IOException when the folder or a file cannot be read, or holds no {@code .sql} file (the message
     *     names it)
     */
    public static AdviceWorkload fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), AdviceWorkload::natural))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException("No .sql files in " + folder);
        }
        List<WorkloadStatement> out = new ArrayList<>();
        List<IndexAdvice.Skipped> skipped = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            List<SqlStatement> all = SqlScript.split(Files.readString(f, StandardCharsets.UTF_8));
            for (int i = 0; i < all.size(); i++) {
                SqlStatement s = all.get(i);
                String label = all.size() == 1 ? name : name + "#" + (i + 1);
                if (s.kind().isExplainable()) {
                    out.add(WorkloadStatement.of(label, s.text()));
                } else {
                    skipped.add(new IndexAdvice.Skipped(label, (s.command().isEmpty() ? "this statement"
                            : s.command()) + " has no plan to improve (line " + s.line() + ")"));
                }
            }
        }
        return new AdviceWorkload(out, skipped);
    }

    /** Names with numbers in number order: q2.sql before q10.sql. */
    private static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ie = i;
                while (ie < a.length() && Character.isDigit(a.charAt(ie))) {
                    ie++;
                }
                int je = j;
                while (je < b.length() && Character.isDigit(b.charAt(je))) {
                    je++;
                }
                String na = a.substring(i, ie).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, je).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ie;
                j = je;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
