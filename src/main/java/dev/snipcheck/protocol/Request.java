package dev.snipcheck.protocol;

import java.io.Serializable;

/**
 * What the parent JVM asks of the worker JVM. Every kind of request is one of the permitted records, and the worker
 * answers each through {@link Handler}, which has one method per kind: a new kind does not compile until the worker
 * answers it.
 */
public sealed interface Request extends Serializable
        permits OpenDatabase, RunBlock, RunSql, CheckDatabase, CloseDatabase, DescribeHang {

    /** The worker's side: how it answers each kind of request. */
    interface Handler {
        Reply open(OpenDatabase request);

        Reply run(RunBlock request);

        Reply runSql(RunSql request);

        Reply check(CheckDatabase request);

        Reply close(CloseDatabase request);

        Reply describeHang(DescribeHang request);
    }

    /** Calls the handler's method for this kind of request. */
    Reply answeredBy(Handler handler);
}
