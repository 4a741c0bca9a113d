package dev.snipcheck.markdown;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The snipcheck attributes of a block's info string (see the contract's attribute table).
 *
 * @param ignore          not compiled, not run
 * @param noRun           compiled and checked, not run
 * @param compileFail     must not compile
 * @param compileFailText with compileFail: some compiler message must contain it
 * @param fails           must throw (Java) or raise an error (SQL)
 * @param failsWith       with fails: the exception's simple or qualified class name (Java) or error text (SQL)
 * @param misuse          rule ids that must fire, exactly
 * @param mode            declared API family, overriding the page's
 * @param isolated        own scope and own database
 * @param timeout         per-block time limit
 * @param always          runs even after an earlier block of its session stopped it (teardown)
 * @param replace         the named {@code replace:} map of the front matter or config whose placeholders this block
 *                        replaces besides the page's
 */
public record Attributes(
        boolean ignore,
        boolean noRun,
        boolean compileFail,
        Optional<String> compileFailText,
        boolean fails,
        Optional<String> failsWith,
        List<String> misuse,
        Optional<Mode> mode,
        boolean isolated,
        Optional<Duration> timeout,
        boolean always,
        Optional<String> replace) {

    public static final Attributes NONE = new Attributes(false, false, false, Optional.empty(), false,
            Optional.empty(), List.of(), Optional.empty(), false, Optional.empty(), false, Optional.empty());

    public Attributes(boolean ignore, boolean noRun, boolean compileFail, Optional<String> compileFailText,
                      boolean fails, Optional<String> failsWith, List<String> misuse, Optional<Mode> mode,
                      boolean isolated, Optional<Duration> timeout, boolean always) {
        this(ignore, noRun, compileFail, compileFailText, fails, failsWith, misuse, mode, isolated, timeout, always,
                Optional.empty());
    }

    /** A block that runs in the page session and adds its declarations to it. */
    public boolean extendsSession() {
        return !ignore && !isolated && !noRun && !compileFail && !fails;
    }
}
