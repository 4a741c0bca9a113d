package dev.snipcheck.verdict;

import dev.snipcheck.protocol.Thrown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hint for an exception about a placeholder the docs left in the code. */
class PlaceholderHintTest {

    private static final String CODE =
            "ConnectionFactory connectionFactory = ConnectionFactories.get(\"r2dbc:postgresql://<host>:5432/<database>\");";

    private static Thrown thrown(String message, Thrown cause) {
        return new Thrown(List.of("java.lang.IllegalArgumentException"), message, "", List.of(), cause);
    }

    @Test
    void anExceptionAboutAPlaceholderOfTheCodeSaysToReplaceIt() {
        Thrown cause = thrown("Illegal character in authority at index 8: r2dbc://<host>:5432/<database>", null);
        assertEquals(Optional.of("`<host>` is a placeholder of the docs: give it a value with `replace: {\"<host>\": ...}`"
                        + " in the front matter or snipcheck.yaml, and the page stays as it is"),
                PlaceholderHint.of(thrown("wrapped", cause), CODE));
    }

    @Test
    void otherAngleBracketsAreNoPlaceholders() {
        assertEquals(Optional.empty(), PlaceholderHint.of(thrown("no <port> in this code", null), CODE));
        assertEquals(Optional.empty(), PlaceholderHint.of(thrown("cannot cast Mono<String>", null), "Mono<String> m = null;"));
        assertEquals(Optional.empty(), PlaceholderHint.of(thrown(null, null), CODE));
    }
}
