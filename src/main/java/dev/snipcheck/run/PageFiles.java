package dev.snipcheck.run;

import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.ProjectConfig;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the pages of a run, each named as every front end shows it: relative to the working directory when inside
 * it, with forward slashes on every platform, and with the project's {@code snipcheck.yaml} laid under its front
 * matter.
 */
public final class PageFiles {

    private final Path workingDirectory;
    private final ProjectConfig config;

    public PageFiles(Path workingDirectory) {
        this(workingDirectory, ProjectConfig.NONE);
    }

    public PageFiles(Path workingDirectory, ProjectConfig config) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.config = config;
    }

    /**
     * The project config of a run: {@code file} when given (relative to the working directory), else the working
     * directory's {@code snipcheck.yaml} when there is one. Its problems are for the caller to report.
     *
     * @throws NoSuchFileException when {@code file} is given and does not exist
     */
    public ProjectConfig config(Optional<Path> file) throws IOException {
        Path path = workingDirectory.resolve(file.orElse(Path.of(ProjectConfig.FILE_NAME)));
        if (file.isEmpty() && !Files.isRegularFile(path)) {
            return ProjectConfig.NONE;
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(display(path));
        }
        return ProjectConfig.read(path, display(path));
    }

    /** These page files read with {@code projectConfig}. */
    public PageFiles with(ProjectConfig projectConfig) {
        return new PageFiles(workingDirectory, projectConfig);
    }

    public Page read(Path file) throws IOException {
        return new MarkdownReader().read(file, display(file), config);
    }

    /** The path of {@code file} as reports show it, e.g. {@code docs/pool.md}. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        String text = shown.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }
}
