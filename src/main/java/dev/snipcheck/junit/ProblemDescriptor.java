package dev.snipcheck.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * Input the engine could not use (a path that does not exist, a page that cannot be read, a malformed setting):
 * a test that fails with the message, so that a typo fails the build instead of silently checking nothing.
 */
final class ProblemDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "problem";

    private final String message;

    ProblemDescriptor(UniqueId parent, String subject, String message, TestSource source) {
        super(parent.append(SEGMENT, subject), subject, source);
        this.message = message;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    String message() {
        return message;
    }
}
