package dev.snipcheck.protocol;

import java.io.Serializable;

/** Asks the worker to dispose of every pool it opened; answered by an {@link Ack}. */
public record CloseDatabase() implements Serializable {
}
