package dev.snipcheck.junit;

import dev.snipcheck.run.ServerFactory;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JUnit Platform engine {@code snipcheck}: every Markdown page is a container and every {@code java} or
 * {@code sql} block in it a test, at the line of its opening fence. Selects pages with file, directory and unique-id
 * selectors, or, in a request without selectors (a {@code @Suite} that names none), with the configuration parameter
 * {@code snipcheck.paths}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SnipcheckTestEngine implements TestEngine {

    static final String ID = "snipcheck";

    private final ServerFactory servers;
    private final Consumer<String> notices;

    /**
     * The engine as build tools and IDEs load it. Its notices go to stderr: Surefire (3.5) drops JUnit report
     * entries, while it shows stderr in the build's output, as IDEs do in the test's console.
     */
    public SnipcheckTestEngine() {
        this(ServerFactory.real(), System.err::println);
    }

    /** With the run's PostgreSQL server from {@code servers}, and its notices to {@code notices}. */
    SnipcheckTestEngine(ServerFactory servers, Consumer<String> notices) {
        this.servers = servers;
        this.notices = notices;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.snipcheck");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("snipcheck");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineSettings settings = EngineSettings.read(request.getConfigurationParameters());
        return new Discovery(uniqueId, settings, Path.of("").toAbsolutePath()).resolve(request);
    }

    @Override
    public void execute(ExecutionRequest request) {
        // read again: a launcher listener may have set a system property since discovery
        new Execution(request.getRootTestDescriptor(), request.getEngineExecutionListener(),
                EngineSettings.read(request.getConfigurationParameters()), servers, notices).run();
    }
}
