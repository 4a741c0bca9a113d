package dev.snipcheck.protocol;

import java.io.Serializable;

/** What the worker JVM answers; the parent expects one kind per request, or an {@link Ack} that refuses it. */
public sealed interface Reply extends Serializable permits Ack, BlockOutcome, SqlOutcome, Checked, Hang {
}
