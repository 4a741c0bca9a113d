package dev.snipcheck.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Times a worker JVM's start as a run pays it, detectors installed and checked, from launch to connected: each given
 * class path (a snipcheck jar, say the one before a change and the one after) in turn, {@code RUNS} times, and their
 * medians against the first's. Arguments: {@code RUNS [CLASSPATH ...]}, without a class path this JVM's own; the
 * command is in docs/performance.md.
 */
public final class WorkerStartBenchmark {

    private WorkerStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        List<String> classpaths = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of(System.getProperty("java.class.path"));
        Path classes = Files.createTempDirectory("snipcheck-worker-start");
        List<String> options = new ArrayList<>(Workers.JVM_OPTIONS);
        options.addAll(Workers.DETECTOR_OPTIONS);
        long[][] millis = new long[classpaths.size()][runs];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < classpaths.size(); i++) {
                long start = System.nanoTime();
                Worker.start(classpaths.get(i), classes, options, Set.of()).close();
                millis[i][run] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        long first = median(millis[0]);
        for (int i = 0; i < classpaths.size(); i++) {
            System.out.printf("median %d ms (%.2fx the first), runs %s: %s%n", median(millis[i]),
                    (double) median(millis[i]) / first, Arrays.toString(millis[i]), classpaths.get(i));
        }
        Files.delete(classes);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
