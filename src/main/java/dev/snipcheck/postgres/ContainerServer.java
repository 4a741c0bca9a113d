package dev.snipcheck.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/** A PostgreSQL container that this run starts (or finds running from an earlier run, when reused) through Testcontainers. */
final class ContainerServer implements PostgresServer {

    private static final String USER = "snipcheck";
    private static final String PASSWORD = "snipcheck";
    // a tmpfs: CREATE DATABASE copies files, which costs a hundred times more on a container's overlay disk
    private static final String DATA = "/var/lib/snipcheck";
    private static final long PULL_MINUTES = 10;
    private static final String REUSE_HINT = "set TESTCONTAINERS_REUSE_ENABLE=true, or testcontainers.reuse.enable=true"
            + " in ~/.testcontainers.properties";

    private final PostgreSQLContainer<?> container;
    private final AdminConnection admin;
    private final String image;
    private final boolean kept;
    private final Thread stopOnExit;

    private ContainerServer(PostgreSQLContainer<?> container, AdminConnection admin, String image, boolean kept) {
        this.container = container;
        this.admin = admin;
        this.image = image;
        this.kept = kept;
        // without Ryuk (disabled where it cannot be pulled) nothing else removes the container of an interrupted run
        this.stopOnExit = kept ? null : new Thread(container::stop, "snipcheck-stop-container");
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * Starts a container of {@code image}, pulling the image first if Docker does not have it.
     *
     * @param reuse keep the container after the run and take it up again in the next, where Testcontainers allows it
     */
    static ContainerServer start(String image, boolean reuse, Consumer<String> notices) throws DatabaseUnavailableException {
        DockerImageName name;
        try {
            name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        } catch (IllegalArgumentException e) {
            throw new DatabaseUnavailableException("not a container image name: " + image + " (" + e.getMessage() + ")", e);
        }
        DockerClient docker;
        try {
            docker = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("no Docker engine answers: " + e.getMessage(), e);
        }
        pullIfMissing(docker, image);
        boolean kept = reuse && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
        if (reuse && !kept) {
            notices.accept("container reuse is off in Testcontainers' configuration (" + REUSE_HINT
                    + "): this run's container is removed when it ends");
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(name)
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withDatabaseName("postgres")
                .withEnv("PGDATA", DATA + "/data")
                .withTmpFs(Map.of(DATA, "rw"))
                .withSharedMemorySize(256L << 20)
                .withReuse(kept)
                .withLabel("dev.snipcheck", "postgres");
        // durability is worthless for a server whose data lives in memory; a few pools of 10 per page
        container.setCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300");
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("the container of image " + image + " did not start: " + rootMessage(e), e);
        }
        try {
            AdminConnection admin = AdminConnection.open(container.getHost(), container.getMappedPort(5432), "postgres", USER, PASSWORD);
            return new ContainerServer(container, admin, image, kept);
        } catch (DatabaseUnavailableException e) {
            container.stop();
            throw e;
        }
    }

    /**
     * One pull, instead of Testcontainers' retries for two minutes: offline, Docker's answer does not change, and
     * the user should hear at once which image is missing.
     */
    private static void pullIfMissing(DockerClient docker, String image) throws DatabaseUnavailableException {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            // pull it below
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Docker could not look up image " + image + ": " + rootMessage(e), e);
        }
        try {
            if (!docker.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES)) {
                throw new ImageUnavailableException(image, "the pull did not finish within " + PULL_MINUTES + " minutes", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException(image, "interrupted", e);
        } catch (RuntimeException e) {
            // no cause: its message, the engine's JSON, would only repeat the reason
            throw new ImageUnavailableException(image, rootMessage(e), null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        // docker-java quotes the engine's JSON answer: {"message":"..."}
        return message.replaceFirst("(?s)^.*\\{\"message\":\"(.*)\"\\}\\s*$", "$1").replace("\\\"", "\"").strip();
    }

    @Override
    public Database createDatabase() throws DatabaseUnavailableException {
        return admin.create();
    }

    @Override
    public void dropDatabase(Database database) {
        admin.drop(database);
    }

    @Override
    public Optional<String> lost() {
        return admin.lost().map(reason -> reason + " (container " + container.getContainerId().substring(0, 12) + " of " + image + ")");
    }

    @Override
    public String description() {
        return "PostgreSQL " + admin.version() + " in a container of " + image + " at " + admin.address()
                + (kept ? ", kept for the next run" : "");
    }

    /** Removes the container; a reused one stays, with this run's databases dropped. */
    @Override
    public void close() {
        if (kept) {
            admin.dropAll();
            admin.close();
            return;
        }
        admin.close();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        container.stop();
    }
}
