package dev.snipcheck.verdict;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hints for the compiler errors doc authors meet most. */
class CompileHintsTest {

    @Test
    void aMissingImportOfAWellKnownClassNamesTheImport() {
        assertEquals("`AtomicInteger` is not imported by default: write `import "
                        + "java.util.concurrent.atomic.AtomicInteger;` in this block or an earlier one",
                CompileHints.hint("cannot find symbol: class AtomicInteger"));
        assertEquals("`Flux` is not imported by default in a block that is not async: write `import "
                        + "reactor.core.publisher.Flux;` in this block or an earlier one",
                CompileHints.hint("cannot find symbol: variable Flux"));
        assertEquals("`BigDecimal` is not imported by default: write `import java.math.BigDecimal;` in this block "
                        + "or an earlier one",
                CompileHints.hint("cannot find symbol: class BigDecimal: location: class snipcheck.p001.Block_L3"));
    }

    @Test
    void anUnknownNameKeepsTheSessionHint() {
        assertEquals("declare or import it in this block or an earlier one; blocks marked isolated, fails, no_run "
                        + "or compile_fail add nothing to the page's session",
                CompileHints.hint("cannot find symbol: variable hits: location: variable anon of type java.lang.Object"));
    }
}
