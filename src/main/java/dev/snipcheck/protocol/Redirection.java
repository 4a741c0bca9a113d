package dev.snipcheck.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * A PostgreSQL connection a block opened itself, to a server, database or user other than its page's, that the
 * worker sent to the page's database instead; {@code -v} lists each at the line that connected.
 *
 * @param target what the block connected to, as a URL, its password masked
 * @param frames the stack of the call that connected, innermost call first
 */
public record Redirection(String target, List<Thrown.Frame> frames) implements Serializable {
}
