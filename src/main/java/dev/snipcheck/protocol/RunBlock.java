package dev.snipcheck.protocol;

/**
 * Asks the worker to run one block's method; answered by a {@link BlockOutcome}.
 *
 * @param className qualified name of a class in the snippet classes directory
 * @param method    a {@code static void} method without parameters; ignored when {@code main} is true
 * @param main      true to call {@code static void main(String[])} with an empty array instead
 */
public record RunBlock(String className, String method, boolean main) implements Request {

    public static RunBlock method(String className, String method) {
        return new RunBlock(className, method, false);
    }

    public static RunBlock main(String className) {
        return new RunBlock(className, "main", true);
    }

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.run(this);
    }
}
