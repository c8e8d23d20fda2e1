package org.planwright.sqltext.fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.testsupport.Corpus;

/**
 * Benchmark: fingerprint + pattern signature ({@link QueryPatterns#of}) against the bare calling-thread JSqlParser
 * parse of the same statements, in the same run, alternating rounds so that both see the same JIT and machine
 * load. Target (issue 10): ratio >= 0.8. Run:
 * {@code java -cp <test-classpath> org.planwright.sqltext.fingerprint.FingerprintBench [rounds]}; see
 * docs/query-fingerprints.md for the command line and the figures measured.
 */
public final class FingerprintBench {

    private FingerprintBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (String folder : List.of("sql/tpcds/queries", "sql/tpch/queries")) {
            List<String> statements = new ArrayList<>();
            for (Path f : Corpus.sqlFiles(folder)) {
                for (SqlStatement s : SqlScript.split(Corpus.read(f))) {
                    statements.add(s.text());
                }
            }
            run(folder, statements, rounds);
        }
    }

    private static void run(String name, List<String> statements, int rounds) {
        long sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up
            sink += parseAll(statements) + patternAll(statements);
        }
        long parseNanos = 0;
        long patternNanos = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += parseAll(statements);
            long t1 = System.nanoTime();
            sink += patternAll(statements);
            long t2 = System.nanoTime();
            parseNanos += t1 - t0;
            patternNanos += t2 - t1;
        }
        double n = (double) statements.size() * rounds;
        double parseRate = n / (parseNanos / 1e9);
        double patternRate = n / (patternNanos / 1e9);
        System.out.printf(Locale.ROOT, "%s: %d statements x %d rounds%n", name, statements.size(), rounds);
        System.out.printf(Locale.ROOT, "  bare calling-thread parse      %8.0f statements/s%n", parseRate);
        System.out.printf(Locale.ROOT, "  fingerprint + signature        %8.0f statements/s%n", patternRate);
        System.out.printf(Locale.ROOT, "  ratio (target >= 0.80)         %8.2f   (checksum %d)%n", patternRate / parseRate, sink);
    }

    private static long parseAll(List<String> statements) {
        long ok = 0;
        for (String s : statements) {
            ok += QueryPatterns.parse(s).isPresent() ? 1 : 0;
        }
        return ok;
    }

    private static long patternAll(List<String> statements) {
        long h = 0;
        for (String s : statements) {
            QueryPattern p = QueryPatterns.of(s);
            h += p.signature().text().length() + p.fingerprint().constants();
        }
        return h;
    }
}
