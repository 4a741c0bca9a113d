package dev.snipcheck.postgres;

/** A client's connection to a database, as pg_stat_activity shows it. */
public record ClientBackend(int pid, String state, String applicationName) {

    /** Whether its client began a transaction and has not ended it. */
    public boolean inTransaction() {
        return state != null && state.startsWith("idle in transaction");
    }
}
