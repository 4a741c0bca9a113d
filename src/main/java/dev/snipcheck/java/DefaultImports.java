package dev.snipcheck.java;

import dev.snipcheck.markdown.Mode;

import java.util.ArrayList;
import java.util.List;

/** The imports every fragment gets without writing them (the contract's "Default imports"). */
final class DefaultImports {

    private static final List<String> ALWAYS = List.of("java.util.*", "java.util.function.*", "java.time.*",
            "java.util.concurrent.*", "java.util.stream.*");
    private static final List<String> ASYNC = List.of("io.r2dbc.spi.*", "io.r2dbc.pool.*",
            "reactor.core.publisher.*", "reactor.core.scheduler.*", "org.reactivestreams.Publisher");
    private static final List<String> SYNC = List.of("java.sql.*", "javax.sql.DataSource");

    private DefaultImports() {
    }

    static List<String> of(Mode mode) {
        List<String> imports = new ArrayList<>(ALWAYS);
        imports.addAll(mode == Mode.ASYNC ? ASYNC : SYNC);
        return imports;
    }
}
