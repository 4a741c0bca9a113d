package dev.snipcheck.junit;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.ProjectConfig;
import dev.snipcheck.run.PageFiles;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns selectors into pages and blocks: a file or directory selects whole pages (a file with a position selects the
 * block whose fence is on that line), a unique id one page or one block; a request without selectors selects the
 * pages of {@code snipcheck.paths}. Other selectors (classes, packages) are not the engine's. Input that cannot be
 * used becomes a failing {@link ProblemDescriptor}, never an exception.
 */
final class Discovery {

    /** {@code docs/pool.md:44} in {@code snipcheck.paths}: the block at line 44 alone; build tools cannot select it. */
    private static final Pattern FILE_AND_LINE = Pattern.compile("(.+):(\\d{1,9})");

    private final UniqueId engineId;
    private final EngineSettings settings;
    private final Path workingDirectory;
    private final PageFiles pageFiles;
    /** Why the project config cannot be used, compiler-style; reported where the engine has work. */
    private final Optional<String> configProblem;
    /** By display path, so that pages run and report in the same order every time. */
    private final Map<String, PageDescriptor> pages = new TreeMap<>();
    private final Map<String, ProblemDescriptor> problems = new TreeMap<>();

    Discovery(UniqueId engineId, EngineSettings settings, Path workingDirectory) {
        this.settings = settings;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        PageFiles files = new PageFiles(workingDirectory);
        Optional<String> problem = Optional.empty();
        try {
            ProjectConfig config = files.config(settings.config());
            problem = config.problems().isEmpty() ? problem : Optional.of(config.describeProblems());
            files = files.with(config);
        } catch (IOException e) {
            problem = Optional.of(EngineSettings.CONFIG + " names '" + settings.config().map(Path::toString).orElse("")
                    + "', but it cannot be read: " + e);
        }
        this.pageFiles = files;
        this.configProblem = problem;
        this.engineId = engineId;
    }

    EngineDescriptor resolve(EngineDiscoveryRequest request) {
        EngineDescriptor root = new EngineDescriptor(engineId, "snipcheck");
        try {
            select(request);
        } catch (RuntimeException e) {
            problem("internal error", "snipcheck: internal error while finding the pages, please report it: " + e,
                    null);
        }
        Set<String> part = settings.shard().select(pages.values().stream().map(PageDescriptor::page).toList())
                .stream().map(Page::displayPath).collect(Collectors.toSet());
        for (PageDescriptor page : pages.values()) {
            if (part.contains(page.page().displayPath())) {
                page.addSelected();
                root.addChild(page);
            }
        }
        problems.values().forEach(root::addChild);
        return root;
    }

    private void select(EngineDiscoveryRequest request) {
        List<FileSelector> files = request.getSelectorsByType(FileSelector.class);
        List<DirectorySelector> directories = request.getSelectorsByType(DirectorySelector.class);
        List<UniqueId> ids = request.getSelectorsByType(UniqueIdSelector.class).stream()
                .map(UniqueIdSelector::getUniqueId)
                .filter(id -> id.hasPrefix(engineId))
                .toList();
        // A request without any selector comes from a @Suite that names none: the paths are its selection. Build
        // tools select test classes at the root, where the paths must not run every time one class is tested.
        boolean byPaths = request.getSelectorsByType(DiscoverySelector.class).isEmpty();
        if (byPaths && settings.paths().isEmpty() && engineId.getSegments().size() > 1) {
            problem("no pages", "the suite selects no Markdown pages: name them with @SelectDirectories or"
                    + " @SelectFile, or with the configuration parameter " + EngineSettings.PATHS, null);
        }
        if (byPaths) {
            for (String path : settings.paths()) {
                selectPath(path, EngineSettings.PATHS + " names ");
            }
        }
        for (FileSelector file : files) {
            if (DocFinder.isMarkdown(file.getRawPath())) {
                Optional<PageDescriptor> page = page(file.getRawPath(), "a file selector names ");
                page.ifPresent(p -> file.getPosition().ifPresentOrElse(
                        position -> selectLine(p, position.getLine()), p::selectAll));
            }
        }
        for (DirectorySelector directory : directories) {
            selectPath(directory.getRawPath(), "a directory selector names ");
        }
        for (UniqueId id : ids) {
            select(id);
        }
        // only where the engine has work: at the root, next to every test class, it would fail once more per run
        if (byPaths || !pages.isEmpty()) {
            settings.problems().forEach((parameter, message) -> problem("setting " + parameter, message, null));
            configProblem.ifPresent(message -> problem("setting " + EngineSettings.CONFIG, message, null));
        }
    }

    private void selectPath(String path, String origin) {
        Matcher fileAndLine = FILE_AND_LINE.matcher(path);
        if (fileAndLine.matches()) {
            int line = Integer.parseInt(fileAndLine.group(2));
            page(fileAndLine.group(1), origin).ifPresent(page -> selectLine(page, line));
            return;
        }
        Path resolved = resolve(path);
        if (resolved == null || !Files.exists(resolved) && !DocFinder.isDanglingLink(resolved)) {
            problem(path, origin + "'" + path + "', but there is no such file or directory in " + workingDirectory,
                    null);
            return;
        }
        try {
            for (Path file : DocFinder.find(List.of(resolved), this::danglingLink)) {
                page(file).ifPresent(PageDescriptor::selectAll);
            }
        } catch (IOException e) {
            problem(path, "cannot read " + path + ": " + e, FileSource.from(resolved.toFile()));
        }
    }

    /** {@code [page:docs/pool.md]} selects the page, {@code [page:docs/pool.md]/[block:44]} its block at line 44. */
    private void select(UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments().subList(engineId.getSegments().size(),
                id.getSegments().size());
        if (segments.isEmpty() || !segments.get(0).getType().equals(PageDescriptor.SEGMENT)) {
            return;
        }
        Optional<PageDescriptor> page = page(segments.get(0).getValue(), "the unique id " + id + " names ");
        if (page.isEmpty()) {
            return;
        }
        if (segments.size() == 1) {
            page.get().selectAll();
        } else if (segments.get(1).getType().equals(BlockDescriptor.SEGMENT)
                && segments.get(1).getValue().matches("\\d{1,9}")) {
            selectLine(page.get(), Integer.parseInt(segments.get(1).getValue()));
        }
    }

    private void selectLine(PageDescriptor page, int line) {
        if (!page.selectAt(line)) {
            Path file = page.page().file();
            problem(page.page().displayPath() + ":" + line, page.page().displayPath() + ":" + line
                    + ": no java or sql block starts at this line",
                    FileSource.from(file.toFile(), FilePosition.from(line)));
        }
    }

    private Optional<PageDescriptor> page(String path, String origin) {
        Path file = resolve(path);
        if (file == null || !Files.isRegularFile(file)) {
            problem(path, origin + "'" + path + "', but there is no such file in " + workingDirectory, null);
            return Optional.empty();
        }
        return page(file);
    }

    private Optional<PageDescriptor> page(Path file) {
        String display = pageFiles.display(file);
        PageDescriptor known = pages.get(display);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Page page = pageFiles.read(file);
            PageDescriptor descriptor = new PageDescriptor(engineId, page);
            pages.put(display, descriptor);
            return Optional.of(descriptor);
        } catch (IOException | RuntimeException e) {
            problem(display, "cannot read " + display + ": " + e, FileSource.from(file.toFile()));
            return Optional.empty();
        }
    }

    /** A page that cannot be read fails as a problem of its own: passing over it would pass a page nobody checked. */
    private void danglingLink(Path link) {
        String shown = workingDirectory.relativize(link.toAbsolutePath().normalize()).toString();
        problem(shown, "not read: " + shown + " (" + DocFinder.DANGLING_LINK + ")", null);
    }

    private void problem(String subject, String message, TestSource source) {
        problems.putIfAbsent(subject, new ProblemDescriptor(engineId, subject, message, source));
    }

    /** The absolute path, or null when the text is no path on this platform. */
    private Path resolve(String path) {
        try {
            return workingDirectory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
