package dev.snipcheck.run;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.timing.Timings;

import java.util.List;
import java.util.Optional;

/**
 * Blames the block that left its page's session database unusable (dropped it, its role or its schema, or took away
 * their LOGIN or connections): that block fails itself, and the session's later blocks that still run
 * ({@code always}) fail with reason {@code database}, naming it, instead of with the exception the damage causes. An
 * isolated block's database is its own, and no later block needs it.
 */
final class SessionDamage {

    private final PostgresServer server;
    /** What made the session's database unusable, and which block did: "the block at line 7 dropped database …". */
    private String destroyed;

    SessionDamage(PostgresServer server) {
        this.server = server;
    }

    /**
     * The block's verdict, asking the server after a session block that ran whether its database is still whole.
     *
     * @param database the database the block ran on; null when it opened none
     */
    BlockResult judge(BlockResult result, Database database) {
        Block block = result.block();
        if (block.attributes().isolated() || destroyed != null || database == null || !ranOnDatabase(result)) {
            return result;
        }
        Optional<String> damage;
        try (var timed = Timings.start("08 block: damage check (catalog connection)")) {
            damage = server.damage(database);
        }
        if (damage.isEmpty()) {
            return result;
        }
        destroyed = "the block at line " + block.fenceLine() + " " + damage.get();
        if (result.verdict() == Verdict.FAILED) {
            return result;
        }
        String message = damage.get() + ", which the page's later blocks run on";
        return BlockResult.failed(block, Reason.EXCEPTION, message, List.of(Finding.at(block.fence(), message,
                "leave the page's database, role and schema in place; to show dropping one, create it in the block")),
                result.output(), result.millis());
    }

    /** The verdict of a session block that would run on a database an earlier block made unusable. */
    Optional<BlockResult> unusable(Block block) {
        if (destroyed == null || block.attributes().isolated()) {
            return Optional.empty();
        }
        return Optional.of(BlockResult.failed(block, Reason.DATABASE, "the page's database cannot be used: " + destroyed,
                List.of(), "", 0));
    }

    /** Whether the block got as far as running on its database: it passed, or failed other than before it ran. */
    private static boolean ranOnDatabase(BlockResult result) {
        return result.verdict() == Verdict.PASSED || result.verdict() == Verdict.FAILED && result.reason()
                .filter(reason -> reason == Reason.COMPILE || reason == Reason.SYNTAX || reason == Reason.DATABASE)
                .isEmpty();
    }
}
