package dev.snipcheck.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

import java.util.Optional;

/** The engine's root: the pages and the problems discovery found. */
final class SnipcheckEngineDescriptor extends EngineDescriptor {

    private final boolean selectedByPaths;

    SnipcheckEngineDescriptor(UniqueId uniqueId, boolean selectedByPaths) {
        super(uniqueId, "snipcheck");
        this.selectedByPaths = selectedByPaths;
    }

    /**
     * A class source when the pages came from {@code snipcheck.paths}: Maven Surefire counts and reports only tests
     * with a class source somewhere above them. Under a {@code @Suite} the suite class is that source.
     */
    @Override
    public Optional<TestSource> getSource() {
        return selectedByPaths ? Optional.of(ClassSource.from(SnipcheckTestEngine.class)) : Optional.empty();
    }
}
