package dev.snipcheck.protocol;

import java.io.ObjectInputFilter;

/** What the two JVMs agree on besides the requests and replies: how the worker is told things, and what it admits. */
public final class WorkerContract {

    /** System property of the worker JVM; {@code off} runs blocks without the runtime misuse detectors. */
    public static final String DETECTORS_PROPERTY = "snipcheck.detectors";
    /**
     * The application name of the connections of {@code pool} and {@code dataSource}: any other
     * connection to the page's database was opened by a snippet itself.
     */
    public static final String BINDINGS_APPLICATION = "snipcheck bindings";
    /** Exit status of a worker whose detectors cannot work; its output says why. */
    public static final int NO_DETECTORS = 3;

    /**
     * What either JVM reads from the other: the protocol's records, the rule ids they carry, and the JDK's values and
     * collections inside them; nothing else, so a stream cannot make a JVM build other objects.
     */
    public static ObjectInputFilter filter() {
        return ObjectInputFilter.Config.createFilter(
                "dev.snipcheck.protocol.*;dev.snipcheck.rules.Rule;java.lang.*;java.util.*;!*");
    }

    private WorkerContract() {
    }
}
