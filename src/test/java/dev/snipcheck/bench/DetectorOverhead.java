package dev.snipcheck.bench;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark, not a test: runs snipcheck on the same pages with and without the runtime misuse
 * detectors, alternating, on one PostgreSQL, and prints the ratio of the median wall times.
 * Run it with {@code bench/detector-overhead.sh [ROUNDS] [PATH...]}.
 */
public final class DetectorOverhead {

    private DetectorOverhead() {
    }

    /** Arguments: the number of rounds (default 3), then the pages (default: snippets, docs, README.md). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> paths = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("snippets", "docs", "README.md");
        String url = TestPostgres.url();
        run(url, paths, false);
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternating, so that a machine getting busier or quieter affects both alike.
            long on = run(url, paths, true);
            long off = run(url, paths, false);
            with.add(on);
            without.add(off);
            System.out.printf("round %d: with detectors %d ms, without %d ms%n", round, on, off);
        }
        long medianWith = median(with);
        long medianWithout = median(without);
        System.out.printf("median of %d rounds on %s: with detectors %d ms, without %d ms, ratio %.2f%n",
                rounds, String.join(" ", paths), medianWith, medianWithout, (double) medianWith / medianWithout);
    }

    private static long run(String url, List<String> paths, boolean detectors) {
        List<String> args = new ArrayList<>(List.of("--postgres-url", url, "--format", "json"));
        if (!detectors) {
            args.add("--no-runtime-detectors");
        }
        args.addAll(paths);
        long start = System.nanoTime();
        Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Path.of("").toAbsolutePath());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
