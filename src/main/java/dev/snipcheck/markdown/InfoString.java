package dev.snipcheck.markdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** The snipcheck attributes of a checked block's info string, and what is malformed in them. */
final class InfoString {

    private static final List<String> NAMES = List.of(
            "ignore", "no_run", "compile_fail", "fails", "misuse", "async", "sync", "isolated", "timeout", "always",
            "replace");
    private static final String MISUSE_HINT = "write `misuse=rule-id`, or several ids joined by `+`";

    private final IntFunction<Position> at;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean ignore;
    private boolean noRun;
    private boolean compileFail;
    private Optional<String> compileFailText = Optional.empty();
    private boolean fails;
    private Optional<String> failsWith = Optional.empty();
    private List<String> misuse = List.of();
    private Optional<Mode> mode = Optional.empty();
    private boolean isolated;
    private Optional<Duration> timeout = Optional.empty();
    private boolean always;
    private Optional<String> replace = Optional.empty();

    private InfoString(IntFunction<Position> at) {
        this.at = at;
    }

    /** The language of a block: the info string's first word, lower case. */
    static String language(String info) {
        return InfoTokens.first(info).toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the attributes after the language.
     *
     * @param at the Markdown position of a 0-based index into {@code info}
     */
    static InfoString parse(String info, IntFunction<Position> at) {
        InfoString parsed = new InfoString(at);
        InfoTokens.rest(info).forEach(parsed::accept);
        return parsed;
    }

    Attributes attributes() {
        return new Attributes(ignore, noRun, compileFail, compileFailText, fails, failsWith, misuse, mode, isolated, timeout, always,
                replace);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void accept(InfoTokens.Token token) {
        String name = token.name().replace('-', '_');
        if (!NAMES.contains(name)) {
            NearMiss.suggest(token.name(), NAMES).ifPresent(known ->
                    problem(token, "unknown attribute `" + token.name() + "`", "did you mean `" + known + "`?"));
            return;
        }
        if (!seen.add(name)) {
            problem(token, "attribute `" + name + "` is given twice", "keep one of them");
            return;
        }
        if (token.unterminated()) {
            problem(token, "the quoted value of `" + name + "` is not closed", "end the value with `\"`");
            return;
        }
        switch (name) {
            case "ignore" -> ignore = flag(token, name);
            case "no_run" -> noRun = flag(token, name);
            case "isolated" -> isolated = flag(token, name);
            case "always" -> always = flag(token, name);
            case "async" -> mode(token, name, Mode.ASYNC);
            case "sync" -> mode(token, name, Mode.SYNC);
            case "compile_fail" -> {
                compileFail = true;
                compileFailText = text(token, name);
            }
            case "fails" -> {
                fails = true;
                failsWith = text(token, name);
            }
            case "misuse" -> misuse(token);
            case "replace" -> replace(token);
            default -> timeout(token);
        }
    }

    private boolean flag(InfoTokens.Token token, String name) {
        if (token.value().isPresent()) {
            problem(token, "attribute `" + name + "` takes no value", "write `" + name + "` alone");
        }
        return true;
    }

    private void mode(InfoTokens.Token token, String name, Mode declared) {
        flag(token, name);
        if (mode.isPresent()) {
            problem(token, "`async` and `sync` contradict each other", "keep one of them");
        } else {
            mode = Optional.of(declared);
        }
    }

    private Optional<String> text(InfoTokens.Token token, String name) {
        if (token.value().isPresent() && token.value().get().isEmpty()) {
            problem(token, "attribute `" + name + "` has an empty value", "write `" + name + "` alone, or `" + name + "=\"text\"`");
        }
        return token.value().filter(value -> !value.isEmpty());
    }

    private void misuse(InfoTokens.Token token) {
        String value = token.value().orElse("");
        if (value.isEmpty()) {
            problem(token, "attribute `misuse` needs rule ids", MISUSE_HINT);
            return;
        }
        Set<String> rules = new LinkedHashSet<>();
        for (String rule : value.split("\\+", -1)) {
            // rule ids are kebab-case; `-` and `_` are equivalent throughout the info string
            rules.add(rule.trim().replace('_', '-'));
        }
        if (rules.contains("")) {
            problem(token, "attribute `misuse` has an empty rule id in `" + value + "`", MISUSE_HINT);
        } else {
            misuse = List.copyOf(rules);
        }
    }

    /** {@code replace=NAME}: whether the name is one of the page's maps is known only with its front matter and config. */
    private void replace(InfoTokens.Token token) {
        replace = token.value().filter(value -> !value.isBlank());
        if (replace.isEmpty()) {
            problem(token, "attribute `replace` needs the name of a replace map", "write e.g. `replace=elided`");
        }
    }

    private void timeout(InfoTokens.Token token) {
        String value = token.value().orElse("");
        timeout = Durations.parse(value);
        if (value.isEmpty()) {
            problem(token, "attribute `timeout` needs a value", Durations.HINT);
        } else if (timeout.isEmpty()) {
            problem(token, "invalid timeout `" + value + "`", Durations.HINT);
        }
    }

    private void problem(InfoTokens.Token token, String message, String hint) {
        problems.add(new Problem(at.apply(token.index()), message, hint));
    }
}
