package dev.snipcheck.protocol;

/**
 * The worker's answer to a request that returns nothing, or to one it could not carry out.
 *
 * @param error why the worker refused the request; null when it was carried out
 */
public record Ack(String error) implements Reply {

    public static final Ack OK = new Ack(null);
}
