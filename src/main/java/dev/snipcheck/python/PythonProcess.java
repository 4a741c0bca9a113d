package dev.snipcheck.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Python worker process and its protocol: a JSON request a line on its stdin, a JSON answer a line on its stdout.
 * What Python itself writes to stderr (a crash, a block writing to its file descriptors) is kept to show.
 */
final class PythonProcess implements AutoCloseable {

    private static Path script;

    private final Process process;
    private final Writer requests;
    /** Answer lines, then an empty one when the process closed its stdout. */
    private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private PythonProcess(Process process) {
        this.process = process;
        this.requests = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("snipcheck-python-answers", () -> readAnswers(process.getInputStream()));
        daemon("snipcheck-python-stderr", () -> drain(process.getErrorStream()));
    }

    /**
     * Starts the worker; it imports psycopg meanwhile and waits for its first request.
     *
     * @param environment all the worker's environment: a block sees only what the run and the page allow, none of
     *                    snipcheck's own secrets
     */
    static PythonProcess start(String interpreter, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(interpreter, "-X", "utf8", "-u", script().toString()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new PythonProcess(builder.start());
    }

    /**
     * Sends one request and waits for its answer.
     *
     * @throws Died     the process ended before it answered
     * @throws TimedOut no answer within {@code timeout}: the process is killed
     */
    Map<String, Object> ask(String request, Duration timeout) throws Died, TimedOut {
        try {
            requests.write(request);
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw died();
        }
        Optional<String> answer;
        try {
            answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new TimedOut(stderr());
        }
        if (answer == null) {
            close();
            throw new TimedOut(stderr());
        }
        if (answer.isEmpty()) {
            throw died();
        }
        return Json.parseObject(answer.get());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What Python wrote to its stderr so far. */
    String stderr() {
        return stderr.toString();
    }

    /** Kills the process and waits until it is gone (its connections with it). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Died died() {
        int exit;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            exit = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        close();
        return new Died(exit, stderr());
    }

    private void readAnswers(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                answers.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the process is gone: the same as the end of its answers
        }
        answers.add(Optional.empty());
    }

    private void drain(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The worker script, copied from the jar once per run to a file Python can run. */
    private static synchronized Path script() {
        if (script == null) {
            try (InputStream in = PythonProcess.class.getResourceAsStream("worker.py")) {
                Path file = Files.createTempFile("snipcheck-worker", ".py");
                Files.write(file, in.readAllBytes());
                file.toFile().deleteOnExit();
                script = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write snipcheck's Python worker script", e);
            }
        }
        return script;
    }

    /** The process ended before it answered. */
    static final class Died extends Exception {
        private final String stderr;

        Died(int exitCode, String stderr) {
            super(exitCode >= 128 || exitCode < -1 ? "Python was killed (exit code " + exitCode + ")"
                    : exitCode == -1 ? "Python stopped answering" : "Python ended with exit code " + exitCode);
            this.stderr = stderr;
        }

        String stderr() {
            return stderr;
        }
    }

    /** No answer in time; the process was killed. */
    static final class TimedOut extends Exception {
        private final String stderr;

        TimedOut(String stderr) {
            super("no answer in time");
            this.stderr = stderr;
        }

        String stderr() {
            return stderr;
        }
    }
}
