package dev.snipcheck.run;

import java.io.Serializable;

/** Asks the worker to dispose of every pool it opened; answered by an {@link Ack}. */
record CloseDatabase() implements Serializable {
}
