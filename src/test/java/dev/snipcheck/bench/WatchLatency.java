package dev.snipcheck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures watch mode as an author feels it: from writing a page of the benchmark corpus to snipcheck printing that
 * page's new verdicts, including the file system's notification and the settle time, over several saves.
 */
final class WatchLatency {

    private WatchLatency() {
    }

    /** Save-to-verdict times in milliseconds, after one warm-up save. */
    static List<Long> measure(Path jar, List<String> flags, int saves) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("snipcheck-watch");
        Path docs = root.resolve("docs");
        CorpusGenerator.write(CorpusGenerator.BLOCKS_PER_PAGE, docs, root.resolve("plain"));
        Path page = docs.resolve("page-00000.md");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString()));
        command.addAll(flags);
        command.addAll(List.of("--color", "never", "--watch", "docs"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).start();
        BlockingQueue<String> err = lines(process.getErrorStream());
        StringBuilder out = new StringBuilder();
        drain(process.getInputStream(), out);
        try {
            await(err, "watching");
            List<Long> times = new ArrayList<>();
            for (int save = 0; save <= saves; save++) {
                long start = System.nanoTime();
                Files.writeString(page, Files.readString(page) + "\n<!-- save " + save + " -->\n");
                await(err, "re-verified");
                if (save > 0) {
                    times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            }
            synchronized (out) {
                if (out.toString().contains(" failed,") && !out.toString().contains("0 failed,")) {
                    throw new IllegalStateException("a watched block failed:\n" + out);
                }
            }
            return times;
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void await(BlockingQueue<String> lines, String text) throws InterruptedException {
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("watch mode printed no '" + text + "' within 60 s");
            }
            if (line.contains(text)) {
                return;
            }
        }
    }

    private static BlockingQueue<String> lines(InputStream stream) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void drain(InputStream stream, StringBuilder into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (into) {
                        into.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }
}
