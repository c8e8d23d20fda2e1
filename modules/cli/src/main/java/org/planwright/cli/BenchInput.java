package org.planwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * One input of {@code planwright bench}.
 *
 * @param name     what it is, e.g. "corpus plans/pev2/samples__plan8_source.json", "synthetic Append over 1,200
 *                 Seq Scans"
 * @param text     the plan text (JSON, or any format PlanParser reads: text plans have no Jackson baseline)
 * @param targetMs the target for parse + compute + insights in ms; 0 when there is none
 */
record BenchInput(String name, String text, double targetMs) {

    /** The largest PEV2 sample plan of the corpus. */
    static final String PEV2_LARGEST = "plans/pev2/samples__plan8_source.json";
    /** Seq Scans under the Append of the partitioned-table plan; its target is {@link #APPEND_TARGET_MS}. */
    static final int APPEND_SCANS = 1_200;
    /**
     * Target for the 1,200-partition plan, ms: issue 8's "10x PEV2" (PEV2's plan service took 100 ms on a 1,204-node
     * partition Append; issue 3 asked for 50 ms).
     */
    static final double APPEND_TARGET_MS = 10;
    /** Seq Scans under the wide Append, the slow shape of issue 8; its target is {@link #WIDE_APPEND_TARGET_MS}. */
    static final int WIDE_APPEND_SCANS = 100_000;
    /** Issue 8 target for the Append over 100,000 Seq Scans, ms: 10x PEV2's 6.8 s. */
    static final double WIDE_APPEND_TARGET_MS = 680;
    /** Nodes of the big synthetic plan; its target is {@link #BIG_TARGET_MS}. */
    static final int BIG_NODES = 100_000;
    /** Issue 3 target for the 100,000-node plan, ms. */
    static final double BIG_TARGET_MS = 1_000;

    /** @return the text's size in bytes (UTF-8) */
    long bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * @param corpus the corpus root, if found
     * @return the largest PEV2 sample and the largest generated TPC-H JSON plan; empty without a corpus
     * @throws IOException when a corpus file cannot be read
     */
    static List<BenchInput> corpus(Optional<Path> corpus) throws IOException {
        List<BenchInput> inputs = new ArrayList<>();
        if (corpus.isEmpty()) {
            return inputs;
        }
        Path root = corpus.get();
        Path pev2 = root.resolve(PEV2_LARGEST);
        if (Files.isRegularFile(pev2)) {
            inputs.add(new BenchInput("corpus " + PEV2_LARGEST, Files.readString(pev2), 0));
        }
        Path tpch = root.resolve("plans/generated-tpch");
        if (Files.isDirectory(tpch)) {
            try (Stream<Path> files = Files.list(tpch)) {
                Optional<Path> largest = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .max(Comparator.comparingLong(BenchInput::size));
                if (largest.isPresent()) {
                    inputs.add(new BenchInput("corpus " + root.relativize(largest.get()).toString().replace('\\', '/'),
                            Files.readString(largest.get()), 0));
                }
            }
        }
        return inputs;
    }

    /** Where the repository keeps real plans of thousands of nodes generated from PostgreSQL (gzipped JSON). */
    static final String GENERATED_HUGE = "modules/plans/src/test/resources/generated-huge";

    /**
     * @param repository the repository root, if found
     * @return the real huge plans of {@link #GENERATED_HUGE} ({@code *.json.gz}, e.g. the join of two tables of
     *     1,000 partitions each), sorted by name; empty without the folder
     * @throws IOException when a file cannot be read or is not gzip
     */
    static List<BenchInput> generatedHuge(Optional<Path> repository) throws IOException {
        List<BenchInput> inputs = new ArrayList<>();
        Path dir = repository.map(r -> r.resolve(GENERATED_HUGE)).filter(Files::isDirectory).orElse(null);
        if (dir == null) {
            return inputs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json.gz")).sorted().toList()) {
                inputs.add(new BenchInput("real " + GENERATED_HUGE.substring(GENERATED_HUGE.lastIndexOf('/') + 1)
                        + "/" + p.getFileName(), read(p), 0));
            }
        }
        return inputs;
    }

    /**
     * @param files plan files named on the command line (text or JSON; gzipped when the name ends with ".gz")
     * @return one input per file, named "file PATH"
     * @throws IOException when a file cannot be read
     */
    static List<BenchInput> files(List<Path> files) throws IOException {
        List<BenchInput> inputs = new ArrayList<>();
        for (Path p : files) {
            inputs.add(new BenchInput("file " + p, read(p), 0));
        }
        return inputs;
    }

    /** @return the file's text (UTF-8), gunzipped when its name ends with ".gz" */
    static String read(Path p) throws IOException {
        if (!p.getFileName().toString().endsWith(".gz")) {
            return Files.readString(p);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the Planwright repository holding the working directory (the folder with {@link #GENERATED_HUGE}) */
    static Optional<Path> findRepository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(GENERATED_HUGE))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Nodes of the mid-size synthetic join plan (issue 8's 1,608-node join, measured beside PEV2). */
    static final int MID_JOIN_NODES = 1_608;
    /** Seq Scans under the mid-size synthetic Append (issue 8's 10,000-node Append, measured beside PEV2). */
    static final int MID_APPEND_SCANS = 10_000;

    /**
     * @param maxNodes cap on the synthetic plans' node counts, at least 3 (the full sizes are an Append over 1,200,
     *     10,000 and 100,000 Seq Scans, and joins of 1,608 and 100,000 nodes)
     * @return the partitioned-table plan, the 1,608-node join, the Append over 10,000 Seq Scans, the wide Append
     *     (100,000 Seq Scans) and the big join plan, each at most {@code maxNodes} nodes, without repeats when the
     *     cap makes two of them the same; the big join plan comes last (the retained heap is measured on it)
     */
    static List<BenchInput> synthetic(int maxNodes) {
        int scans = Math.min(APPEND_SCANS, maxNodes - 1);
        int midJoin = Math.min(MID_JOIN_NODES, maxNodes);
        int midScans = Math.min(MID_APPEND_SCANS, maxNodes - 1);
        int wide = maxNodes >= BIG_NODES ? WIDE_APPEND_SCANS : maxNodes - 1; // full size: 100,000 scans
        int big = Math.min(BIG_NODES, maxNodes);
        List<BenchInput> inputs = new ArrayList<>();
        addAppend(inputs, scans, scans == APPEND_SCANS ? APPEND_TARGET_MS : 0);
        addJoin(inputs, midJoin, 0);
        addAppend(inputs, midScans, 0);
        addAppend(inputs, wide, wide == WIDE_APPEND_SCANS ? WIDE_APPEND_TARGET_MS : 0);
        inputs.removeIf(i -> i.name().equals(joinName(big)));
        addJoin(inputs, big, big == BIG_NODES ? BIG_TARGET_MS : 0);
        return inputs;
    }

    private static void addAppend(List<BenchInput> inputs, int scans, double targetMs) {
        String name = String.format("synthetic Append over %,d Seq Scans", scans);
        if (inputs.stream().noneMatch(i -> i.name().equals(name))) {
            inputs.add(new BenchInput(name, SyntheticPlans.appendOverSeqScans(scans), targetMs));
        }
    }

    private static void addJoin(List<BenchInput> inputs, int nodes, double targetMs) {
        String name = joinName(nodes);
        if (inputs.stream().noneMatch(i -> i.name().equals(name))) {
            inputs.add(new BenchInput(name, SyntheticPlans.joins(nodes), targetMs));
        }
    }

    private static String joinName(int nodes) {
        return String.format("synthetic %,d-node join plan", nodes);
    }

    /**
     * @return a file name for a synthetic input, e.g. "synthetic-append-over-1200-seq-scans.json" for "synthetic
     *     Append over 1,200 Seq Scans"
     */
    String fileName() {
        return name.toLowerCase(java.util.Locale.ROOT).replace(",", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "") + ".json";
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @return the corpus root: the system property {@code planwright.corpus}, else the environment variable
     *     {@code PLANWRIGHT_CORPUS}, else a {@code shared/corpus} folder beside or above the working directory
     */
    static Optional<Path> findCorpus(String property, String env) {
        for (String given : new String[] {property, env}) {
            if (given != null && !given.isBlank() && Files.isDirectory(Path.of(given))) {
                return Optional.of(Path.of(given).toAbsolutePath().normalize());
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : new Path[] {p.resolve("shared/corpus"), p.resolveSibling("shared").resolve("corpus")}) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
