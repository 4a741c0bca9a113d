package dev.snipcheck.postgres;

import com.github.dockerjava.api.DockerClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/** A PostgreSQL container that this run starts (or finds running from an earlier run, when reused) through Testcontainers. */
final class ContainerServer extends AdminServer {

    private static final String USER = "snipcheck";
    private static final String PASSWORD = "snipcheck";
    // a tmpfs: CREATE DATABASE copies files, which costs a hundred times more on a container's overlay disk
    private static final String DATA = "/var/lib/snipcheck";
    // a placeholder setting of the server: PostgreSQL accepts any dotted name
    private static final String KEY_SETTING = "snipcheck.key";
    // changes whenever the container's settings do, so a kept container of an older snipcheck is not taken up
    private static final int FORMAT = 2;
    private static final String REUSE_HINT = "set TESTCONTAINERS_REUSE_ENABLE=true, or testcontainers.reuse.enable=true"
            + " in ~/.testcontainers.properties";

    private final String containerId;
    private final String image;
    private final Thread stopOnExit;

    /** @param stop removes the container; null when the container is kept for the next run */
    private ContainerServer(AdminConnection admin, String containerId, String image, Runnable stop) {
        super(admin);
        this.containerId = containerId;
        this.image = image;
        // without Ryuk (disabled where it cannot be pulled) nothing else removes the container of an interrupted run
        this.stopOnExit = stop == null ? null : new Thread(stop, "snipcheck-stop-container");
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * Starts a container of {@code image}, pulling the image first if Docker does not have it.
     *
     * @param reuse       keep the container after the run and take it up again in the next, where Testcontainers allows it
     * @param pullTimeout how long a pull of the image may take
     * @param imageReady  runs once Docker has the image, before the container starts
     * @throws DockerUnavailableException when no engine answers
     * @throws ImageUnavailableException  when the engine has not the image and cannot pull it in time
     */
    static ContainerServer start(String image, boolean reuse, Duration pullTimeout, Consumer<String> notices,
                                 Runnable imageReady) throws DatabaseUnavailableException {
        Optional<ContainerServer> kept = reuse ? takeUpKept(image, notices) : Optional.empty();
        if (kept.isPresent()) {
            return kept.get();
        }
        boolean keep = reuse && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
        if (reuse && !keep) {
            notices.accept("container reuse is off in Testcontainers' configuration (" + REUSE_HINT
                    + "): this run's container is removed when it ends");
        }
        DockerImageName name;
        try {
            name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        } catch (IllegalArgumentException e) {
            throw new DatabaseUnavailableException("not a container image name: " + image + " (" + e.getMessage() + ")", e);
        }
        DockerClient docker = DockerEngine.connect(notices);
        // the name Testcontainers will start, with hub.image.name.prefix (a registry mirror) put before it
        DockerImageName pulled = ImageNameSubstitutor.instance().apply(name);
        try {
            if (!DockerEngine.hasImage(docker, pulled.asCanonicalNameString())) {
                ImagePull.pull(docker, image, pulled, pullTimeout, notices);
            }
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Docker could not look up image " + image + ": " + rootMessage(e), e);
        }
        imageReady.run();
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(name)
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withDatabaseName("postgres")
                .withEnv("PGDATA", DATA + "/data")
                // the password in clear, checked by the server, rather than SCRAM: a cold JVM spent 200 ms more on
                // SCRAM's key derivation (median of 4 connections each), and this well-known password hides nothing
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "password")
                .withTmpFs(Map.of(DATA, "rw"))
                .withSharedMemorySize(256L << 20)
                .withReuse(keep)
                .withLabel("dev.snipcheck", "postgres");
        // durability is worthless for a server whose data lives in memory; a few pools of 10 per page; the key lets
        // the next run recognise a kept container as its own without asking Docker, and only a kept one
        container.setCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", KEY_SETTING + "=" + (keep ? key(image) : "none"));
        try (Wait wait = Wait.on(notices, "the container of " + image + " to accept connections")) {
            container.start();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("the container of image " + image + " did not start: " + rootMessage(e), e);
        }
        AdminConnection admin;
        try {
            admin = AdminConnection.open(container.getHost(), container.getMappedPort(5432), "postgres", USER, PASSWORD,
                    notices);
        } catch (DatabaseUnavailableException e) {
            container.stop();
            throw e;
        }
        if (keep) {
            new KeptContainer(container.getHost(), container.getMappedPort(5432), container.getContainerId()).note(key(image), notices);
        }
        return new ContainerServer(admin, container.getContainerId(), image, keep ? null : container::stop);
    }

    /**
     * The container of {@code image} that an earlier run kept, if it still runs; found without asking Docker, or
     * even loading Testcontainers' configuration (a quarter of a second): only a run where reuse was allowed keeps one.
     */
    static Optional<ContainerServer> takeUpKept(String image, Consumer<String> notices) {
        String key = key(image);
        Optional<KeptContainer> note = KeptContainer.find(key);
        if (note.isEmpty()) {
            return Optional.empty();
        }
        try {
            AdminConnection admin = AdminConnection.open(note.get().host(), note.get().port(), "postgres", USER, PASSWORD,
                    notices);
            if (key.equals(admin.setting(KEY_SETTING))) {
                return Optional.of(new ContainerServer(admin, note.get().containerId(), image, null));
            }
            admin.dropAll();
            admin.close();
        } catch (DatabaseUnavailableException e) {
            // the note is stale: the container was removed, or its port now belongs to another server
        }
        return Optional.empty();
    }

    /** Names a kept container by what it runs: the image and the server settings above. */
    private static String key(String image) {
        return UUID.nameUUIDFromBytes((FORMAT + " " + image).getBytes(StandardCharsets.UTF_8)).toString().substring(0, 13).replace("-", "");
    }

    /** The innermost reason, without docker-java's quoting of the engine's answer. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        // docker-java quotes the engine's JSON answer: {"message":"..."}
        return message.replaceFirst("(?s)^.*\\{\"message\":\"(.*)\"\\}\\s*$", "$1").replace("\\\"", "\"").strip();
    }

    @Override
    public Optional<String> lost() {
        return super.lost().map(reason -> reason + "; container " + containerId.substring(0, 12) + " of " + image);
    }

    @Override
    public String description() {
        return "PostgreSQL " + admin.version() + " in a container of " + image + " at " + admin.address()
                + (stopOnExit == null ? ", kept for the next run" : "");
    }

    /** Removes the container; a reused one stays, with this run's databases dropped. */
    @Override
    public void close() {
        if (stopOnExit == null) {
            admin.dropAll();
            admin.close();
            return;
        }
        admin.close();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        stopOnExit.run();
    }
}
