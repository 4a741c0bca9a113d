package dev.snipcheck.postgres;

import java.util.List;
import java.util.Optional;

/** A server that hands out the run's databases through its one admin connection. */
abstract class AdminServer implements PostgresServer {

    final AdminConnection admin;

    AdminServer(AdminConnection admin) {
        this.admin = admin;
    }

    @Override
    public Database createDatabase(String page, Optional<String> superuser) throws DatabaseUnavailableException {
        Database database = admin.create(page, superuser.isPresent());
        superuser.ifPresent(reason -> admin.runsAsAdmin(page, reason));
        return database;
    }

    @Override
    public void handOver(Database database, String page) {
        admin.handOver(database, page);
    }

    @Override
    public void dropDatabase(Database database) {
        admin.drop(database);
    }

    @Override
    public Optional<String> damage(Database database) {
        return admin.damage(database);
    }

    @Override
    public List<ClientBackend> clientBackends(Database database) {
        return admin.clientBackends(database);
    }

    @Override
    public Optional<String> version() {
        return Optional.of(admin.version());
    }

    @Override
    public Optional<String> lost() {
        return admin.lost();
    }
}
