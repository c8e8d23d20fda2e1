package org.planwright.tuning.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures with a pgbench run: {@code pgbench -n -c CLIENTS -j JOBS -T SECONDS [-f SCRIPT | -S] --log} against the
 * server, then reads pgbench's per-transaction log (one line per transaction; the third field is its latency in
 * µs — pgbench documentation, "Per-Transaction Logging") for the mean and the exact 95th percentile. The
 * password, if any, comes from the environment pgbench inherits (PGPASSWORD / ~/.pgpass). Cancelling kills the
 * pgbench process.
 */
public final class PgbenchProbe implements WorkloadProbe {

    /**
     * @param pgbench  the pgbench executable, e.g. /usr/lib/postgresql/15/bin/pgbench
     * @param host     server host
     * @param port     server port
     * @param database database (initialised for the script)
     * @param user     user
     * @param script   a custom script file, or null for pgbench's built-in TPC-B-like transaction
     * @param clients  -c
     * @param jobs     -j
     * @param seconds  -T
     */
    public record Options(Path pgbench, String host, int port, String database, String user, Path script,
                          int clients, int jobs, int seconds) {
        public Options {
            Objects.requireNonNull(pgbench, "pgbench");
            if (clients < 1 || jobs < 1 || seconds < 1) {
                throw new IllegalArgumentException("clients, jobs and seconds must be at least 1");
            }
        }
    }

    private final Options options;

    /** @param options what to run */
    public PgbenchProbe(Options options) {
        this.options = options;
    }

    @Override
    public Measurement measure(Cancellation cancel) throws ApplyException, CancelledException {
        Path dir;
        try {
            dir = Files.createTempDirectory("planwright-pgbench");
        } catch (IOException e) {
            throw new ApplyException("cannot create a folder for pgbench's log: " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>(List.of(options.pgbench().toString(), "-n", "-h", options.host(), "-p",
                Integer.toString(options.port()), "-U", options.user(), "-c", Integer.toString(options.clients()),
                "-j", Integer.toString(options.jobs()), "-T", Integer.toString(options.seconds()), "--log",
                "--log-prefix=" + dir.resolve("tx")));
        if (options.script() != null) {
            cmd.addAll(List.of("-f", options.script().toString()));
        }
        cmd.add(options.database());
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("pgbench.out").toFile()).start();
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    p.destroy();
                    p.waitFor(5, TimeUnit.SECONDS);
                    throw new CancelledException("pgbench run cancelled");
                }
            }
            if (p.exitValue() != 0) {
                throw new ApplyException("pgbench failed (exit " + p.exitValue() + "): "
                        + lastLines(dir.resolve("pgbench.out")));
            }
            List<Double> latenciesMs = new ArrayList<>();
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length >= 3 && !f[2].equals("skipped") && !f[2].equals("failed")) {
                            latenciesMs.add(Double.parseDouble(f[2]) / 1000.0);
                        }
                    }
                }
            }
            if (latenciesMs.isEmpty()) {
                throw new ApplyException("pgbench ran no transaction: " + lastLines(dir.resolve("pgbench.out")));
            }
            double[] sorted = latenciesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = Arrays.stream(sorted).average().orElse(0);
            return new Measurement(sorted.length, options.seconds(), mean, percentile(sorted, 0.95),
                    String.format(Locale.ROOT, "pgbench -c %d -j %d -T %d %s", options.clients(), options.jobs(),
                            options.seconds(), options.script() == null ? "(built-in TPC-B-like)"
                                    : "-f " + options.script().getFileName()));
        } catch (IOException e) {
            throw new ApplyException("cannot run pgbench (" + options.pgbench() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * @return pgbench on PATH, else the newest {@code /usr/lib/postgresql/N/bin/pgbench} (Debian's layout); empty
     *     when there is none
     */
    public static java.util.Optional<Path> locate() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "pgbench");
                if (Files.isExecutable(candidate)) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(java.util.Comparator.comparingInt(PgbenchProbe::major));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static int major(Path pgbench) {
        try {
            return Integer.parseInt(pgbench.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the nearest-rank percentile of sorted values (q in 0..1) */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String lastLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
