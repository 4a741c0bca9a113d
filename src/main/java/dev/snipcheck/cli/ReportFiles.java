package dev.snipcheck.cli;

import dev.snipcheck.report.Report;
import dev.snipcheck.result.RunResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The files of {@code --report FORMAT=FILE}, opened before the run so that one that cannot be written fails first. */
final class ReportFiles implements AutoCloseable {

    private final Map<Path, Options.Format> formats;
    private final Map<Path, PrintWriter> writers;

    private ReportFiles(Map<Path, Options.Format> formats, Map<Path, PrintWriter> writers) {
        this.formats = formats;
        this.writers = writers;
    }

    static ReportFiles open(Map<Path, Options.Format> formats) throws Unwritable {
        Map<Path, PrintWriter> writers = new LinkedHashMap<>();
        for (Path file : formats.keySet()) {
            try {
                writers.put(file, Main.openReport(file));
            } catch (IOException e) {
                writers.values().forEach(PrintWriter::close);
                throw new Unwritable(file, e);
            }
        }
        return new ReportFiles(formats, writers);
    }

    /** Writes every report; the first file that could not be written, if any. */
    Optional<Path> write(Function<Options.Format, Report> reports, RunResult result) {
        Optional<Path> failed = Optional.empty();
        for (Map.Entry<Path, PrintWriter> file : writers.entrySet()) {
            reports.apply(formats.get(file.getKey())).write(result, file.getValue());
            if (file.getValue().checkError() && failed.isEmpty()) {
                failed = Optional.of(file.getKey());
            }
        }
        return failed;
    }

    @Override
    public void close() {
        writers.values().forEach(PrintWriter::close);
    }

    /** A report file that cannot be opened for writing, and why. */
    static final class Unwritable extends IOException {
        private final Path file;

        Unwritable(Path file, IOException cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }

        Path file() {
            return file;
        }
    }
}
