package dev.snipcheck.protocol;

/** Asks the worker to dispose of every pool it opened; answered by an {@link Ack}. */
public record CloseDatabase() implements Request {

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.close(this);
    }
}
