package dev.snipcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs snipcheck, the JShell-per-page baseline and the compile floor on the same generated corpus,
 * several times each, and prints a Markdown table of medians and ratios. Each contender is its own
 * process, timed from the outside with GNU time, so JVM and PostgreSQL start count for all alike.
 *
 * <p>Usage (see docs/performance.md): {@code bench/run [--sizes 200,1000] [--runs 3]
 * [--baseline-up-to 1000] [--one-page 1000,2000x5000] [--watch-saves 20] [--snipcheck-flags "--jobs 2"]}
 */
public final class Benchmark {

    /** The JIT's first tier only and the serial collector: on 2 cores, a short run's C2 compilations cost more than they save. */
    private static final List<String> ONE_SHOT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Wall time and the largest resident set of any one process of a contender's run. */
    record Sample(double seconds, long maxRssKb) {
    }

    /** A run with where its CPU went. */
    record Profiled(Sample sample, ProcessCpu.Split split) {
    }

    private final Path jar;
    private final String benchClasspath;
    private final List<String> snipcheckFlags;
    /** Rows of the table of where the CPU went, printed after the main table. */
    private final List<String> cpuRows = new ArrayList<>();

    private Benchmark(Path jar, String benchClasspath, List<String> snipcheckFlags) {
        this.jar = jar;
        this.benchClasspath = benchClasspath;
        this.snipcheckFlags = snipcheckFlags;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--sizes", "200,1000", "--runs", "3",
                "--baseline-up-to", "1000", "--jar", "target/snipcheck.jar", "--snipcheck-flags", "", "--watch-saves", "20",
                "--one-page", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(options.get("--jar")).toAbsolutePath();
        // the bench's own class path has snipcheck's classes and dependencies; the shaded jar would repeat them
        String classpath = System.getProperty("java.class.path");
        List<String> flags = options.get("--snipcheck-flags").isBlank() ? List.of()
                : Arrays.asList(options.get("--snipcheck-flags").trim().split("\\s+"));
        Benchmark benchmark = new Benchmark(jar, classpath, flags);
        int runs = Integer.parseInt(options.get("--runs"));
        int baselineUpTo = Integer.parseInt(options.get("--baseline-up-to"));
        // the machine may be shared: its load says how far the times can be trusted
        System.out.println("Started " + java.time.Instant.now() + ", load average " + loadAverage() + ".");
        long[] cpuAtStart = cpuTicks();
        System.out.println();
        System.out.println("| blocks | pages | snipcheck (s) | JShell per page (s) | floor: javac + PostgreSQL start (s) "
                + "| floor with a fresh database per page (s) | JShell / snipcheck | snipcheck / floor "
                + "| snipcheck / floor with databases | snipcheck ms per block | snipcheck max RSS (MiB) "
                + "| unchanged, from the verdict cache (s) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String size : options.get("--sizes").split(",")) {
            if (size.isBlank()) {
                continue;
            }
            int blocks = Integer.parseInt(size.trim());
            System.out.println(benchmark.row(blocks, runs, blocks <= baselineUpTo));
        }
        if (!benchmark.cpuRows.isEmpty()) {
            System.out.println();
            System.out.println("| blocks | contender | wall (s) | the machine's CPU (s) | the contender's JVM (s) "
                    + "| snipcheck's worker JVMs (s) | PostgreSQL (s) | the rest (s) | the machine's CPU / " + CORES
                    + " cores (s) |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            benchmark.cpuRows.forEach(System.out::println);
        }
        if (!options.get("--one-page").isBlank()) {
            System.out.println();
            System.out.println("| blocks on one page | block size (bytes) | page size (MiB) | one page (s) "
                    + "| the same blocks over pages of ten (s) | one page / pages of ten | max RSS, one page (MiB) "
                    + "| max RSS, pages of ten (MiB) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (String size : options.get("--one-page").split(",")) {
                String[] parts = size.trim().split("x");
                System.out.println(benchmark.onePageRow(Integer.parseInt(parts[0]),
                        parts.length > 1 ? Integer.parseInt(parts[1]) : 0, runs));
            }
        }
        System.out.println();
        System.out.println("A page's database on the embedded server: " + PageDatabaseCost.measure(50) + ".");
        int saves = Integer.parseInt(options.get("--watch-saves"));
        if (saves > 0) {
            long[] millis = WatchLatency.measure(jar, flags, saves).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.println();
            System.out.println("Watch mode, one page of " + CorpusGenerator.BLOCKS_PER_PAGE + " blocks saved " + saves
                    + " times, save to printed verdicts: median " + millis[millis.length / 2] + " ms, slowest "
                    + millis[millis.length - 1] + " ms.");
        }
        System.out.println();
        System.out.println("Ended " + java.time.Instant.now() + ", load average " + loadAverage() + ".");
        long[] cpuAtEnd = cpuTicks();
        System.out.printf(java.util.Locale.ROOT, "CPU time of the machine's cores taken by its host (steal): %.1f s of %.1f s.%n",
                (cpuAtEnd[1] - cpuAtStart[1]) / 100.0, (cpuAtEnd[0] - cpuAtStart[0]) / 100.0);
    }

    /**
     * All cores' time and the part of it the hypervisor gave to other machines (steal), in ticks of 10 ms, from the
     * first line of /proc/stat: on a virtual machine a run can be slow for want of the host's CPU, which the load
     * average does not show.
     */
    private static long[] cpuTicks() throws IOException {
        long[] ticks = ProcessCpu.machineTicks();
        long total = 0;
        for (int i = 0; i < ticks.length && i < 8; i++) {
            total += ticks[i];
        }
        return new long[] {total, ticks.length > 7 ? ticks[7] : 0};
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private String row(int blocks, int runs, boolean withBaseline) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("snipcheck-bench-" + blocks);
        Path docs = root.resolve("docs");
        Path plain = root.resolve("plain");
        CorpusGenerator.write(blocks, docs, plain);
        List<Profiled> snipcheckRuns = new ArrayList<>();
        List<Sample> baseline = new ArrayList<>();
        List<Profiled> floorRuns = new ArrayList<>();
        List<Profiled> databaseFloorRuns = new ArrayList<>();
        int pages = Math.max(1, blocks / CorpusGenerator.BLOCKS_PER_PAGE);
        for (int run = 0; run < runs; run++) {
            snipcheckRuns.add(profiled(snipcheck(docs, root), root));
            if (withBaseline) {
                baseline.add(time(List.of("java", "-cp", benchClasspath, JShellBaseline.class.getName(),
                        docs.toString()), root));
            }
            floorRuns.add(profiled(oneShotJvm("-cp", benchClasspath, CompileFloor.class.getName(), plain.toString()),
                    root));
            databaseFloorRuns.add(profiled(oneShotJvm("-cp", benchClasspath, CompileFloor.class.getName(),
                    plain.toString(), String.valueOf(pages)), root));
        }
        List<Sample> snipcheck = snipcheckRuns.stream().map(Profiled::sample).toList();
        List<Sample> floor = floorRuns.stream().map(Profiled::sample).toList();
        List<Sample> databaseFloor = databaseFloorRuns.stream().map(Profiled::sample).toList();
        cpuRows.add(cpuRow(blocks, "snipcheck", medianRun(snipcheckRuns)));
        cpuRows.add(cpuRow(blocks, "floor", medianRun(floorRuns)));
        cpuRows.add(cpuRow(blocks, "floor with a fresh database per page", medianRun(databaseFloorRuns)));
        // the same corpus again with --cache: one run fills the cache, the timed ones find every page in it
        List<String> cachedCommand = snipcheckReporting(docs, root.resolve("cached.json"),
                "--cache", root.resolve("cache").toString());
        time(cachedCommand, root);
        List<Sample> cached = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            cached.add(time(cachedCommand, root));
        }
        double s = median(snipcheck);
        double f = median(floor);
        double fd = median(databaseFloor);
        String b = withBaseline ? format(median(baseline)) : "not run";
        String ratio = withBaseline ? format(median(baseline) / s) + "×" : "–";
        long rss = maxRssMib(snipcheck);
        return "| " + blocks + " | " + pages + " | " + format(s) + " | " + b + " | " + format(f) + " | " + format(fd)
                + " | " + ratio + " | " + format(s / f) + "× | " + format(s / fd) + "× | " + format(s * 1000 / blocks)
                + " | " + rss + " | " + format(median(cached)) + " |";
    }

    /**
     * A row of the one-page table: {@code blocks} blocks of about {@code blockBytes} each (0: the corpus's own) on
     * one page, against the same blocks over pages of ten, run alternately so both see the same machine.
     */
    private String onePageRow(int blocks, int blockBytes, int runs) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("snipcheck-bench-one-page-" + blocks);
        CorpusGenerator.write(CorpusGenerator.Layout.onePage(blocks, blockBytes), root.resolve("one"),
                root.resolve("one-plain"));
        CorpusGenerator.Layout spread = new CorpusGenerator.Layout(blocks / CorpusGenerator.BLOCKS_PER_PAGE, 1,
                blockBytes);
        CorpusGenerator.write(spread, root.resolve("spread"), root.resolve("spread-plain"));
        List<Sample> one = new ArrayList<>();
        List<Sample> many = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            one.add(time(snipcheck(root.resolve("one"), root), root));
            many.add(time(snipcheck(root.resolve("spread"), root), root));
        }
        long pageBytes;
        try (var files = Files.list(root.resolve("one"))) {
            pageBytes = files.mapToLong(file -> file.toFile().length()).sum();
        }
        return "| " + blocks + " | " + (blockBytes == 0 ? "as above" : String.valueOf(blockBytes)) + " | "
                + format(pageBytes / 1048576.0) + " | " + format(median(one)) + " | " + format(median(many)) + " | "
                + format(median(one) / median(many)) + "× | " + maxRssMib(one) + " | " + maxRssMib(many) + " |";
    }

    /** The snipcheck command the tables time, with its report in a file. */
    private List<String> snipcheck(Path docs, Path root) {
        return snipcheckReporting(docs, root.resolve("report.json"));
    }

    /** snipcheck on {@code docs} with the run's flags and {@code extraFlags}, its JSON report to {@code report}. */
    private List<String> snipcheckReporting(Path docs, Path report, String... extraFlags) {
        List<String> command = oneShotJvm("-Xmx512m", "-jar", jar.toString());
        command.addAll(snipcheckFlags);
        command.addAll(List.of(extraFlags));
        command.addAll(List.of("--format", "json", "--output", report.toString(), docs.toString()));
        return command;
    }

    /**
     * A JVM command with the JIT options docs/performance.md recommends for a run that starts and ends: snipcheck's
     * and the floor's, which both run faster with them. The JShell baseline keeps the JVM's defaults, which serve it
     * better (given these options, it took 156 s at 1,000 blocks, against 119 s without, 2026-12-02).
     */
    private static List<String> oneShotJvm(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ONE_SHOT_JVM_OPTIONS);
        command.addAll(List.of(arguments));
        return command;
    }

    private static long maxRssMib(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::maxRssKb).max().orElse(0) / 1024;
    }

    /** Runs a command under GNU time, sampling where the machine's CPU goes meanwhile. */
    private static Profiled profiled(List<String> command, Path root) throws IOException, InterruptedException {
        try (ProcessCpu cpu = ProcessCpu.start()) {
            Sample sample = time(command, root);
            return new Profiled(sample, cpu.split());
        }
    }

    /** The run of median wall time, so that the columns of its row come from one run. */
    private static Profiled medianRun(List<Profiled> runs) {
        List<Profiled> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(r -> r.sample().seconds())).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String cpuRow(int blocks, String contender, Profiled run) {
        ProcessCpu.Split split = run.split();
        return "| " + blocks + " | " + contender + " | " + format(run.sample().seconds()) + " | " + format(split.machine())
                + " | " + format(split.jvm()) + " | " + format(split.workers()) + " | " + format(split.postgres()) + " | "
                + format(split.rest()) + " | " + format(split.machine() / CORES) + " |";
    }

    /** Runs a command under GNU time; a failing contender stops the benchmark, as its time would mean nothing. */
    private static Sample time(List<String> command, Path root) throws IOException, InterruptedException {
        Path times = root.resolve("time.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        timed.addAll(command);
        Path log = root.resolve("last-run.log");
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status + "; see " + log);
        }
        String[] fields = Files.readString(times).trim().split("\\s+");
        return new Sample(Double.parseDouble(fields[fields.length - 2]), Long.parseLong(fields[fields.length - 1]));
    }

    private static double median(List<Sample> samples) {
        double[] seconds = samples.stream().mapToDouble(Sample::seconds).sorted().toArray();
        int middle = seconds.length / 2;
        return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
