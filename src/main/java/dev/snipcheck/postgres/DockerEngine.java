package dev.snipcheck.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The Docker engine of a run, through Testcontainers, and asked first where Testcontainers would not say: whether a
 * {@code DOCKER_HOST} answers at all (Testcontainers would look for another engine behind the user's back), and
 * whether its reaper Ryuk can start without a pull (Testcontainers would try to pull it for two minutes).
 */
final class DockerEngine {

    private static final int CONNECT_MILLIS = 2000;
    private static final Path USUAL_SOCKET = Path.of("/var/run/docker.sock");

    private DockerEngine() {
    }

    /** Testcontainers' client of the engine that answers, with Ryuk only where its image is present. */
    static synchronized DockerClient connect(Consumer<String> notices) throws DockerUnavailableException {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            Optional<String> silence = silence(host.strip());
            if (silence.isPresent()) {
                throw new DockerUnavailableException("DOCKER_HOST=" + host.strip() + " does not answer (" + silence.get() + ")");
            }
        }
        boolean ryukAsked = "false".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
        boolean ryukDeferred = !ryukAsked && Reapers.withoutRyuk();
        DockerClient docker;
        try (Wait wait = Wait.on(notices, "the Docker engine to answer")) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new DockerUnavailableException("no Docker engine answered (" + whereDockerWasSought(host) + ")");
            }
            docker = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("the Docker engine did not answer: " + ContainerServer.rootMessage(e));
        }
        if (ryukDeferred && hasImage(docker, ryukImage())) {
            Reapers.ryuk();
        }
        return docker;
    }

    /** The API version of the engine that {@link #connect} reached. */
    static String apiVersion() {
        return DockerClientFactory.instance().getActiveApiVersion();
    }

    /** Why nothing answers at {@code host}, for the schemes that can be asked without Docker's client. */
    private static Optional<String> silence(String host) {
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URI: " + e.getMessage());
        }
        String scheme = String.valueOf(uri.getScheme());
        try {
            if (scheme.equals("unix")) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return Optional.of("no " + socket);
                }
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    return Optional.empty();
                }
            }
            if (scheme.equals("tcp")) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() == -1 ? 2375 : uri.getPort()), CONNECT_MILLIS);
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null ? e.getMessage() : e.toString());
        }
        // npipe, ssh: only Docker's client can tell
        return Optional.empty();
    }

    private static String whereDockerWasSought(String host) {
        if (host != null && !host.isBlank()) {
            return "DOCKER_HOST=" + host;
        }
        return Files.exists(USUAL_SOCKET) ? USUAL_SOCKET + " does not answer" : "no " + USUAL_SOCKET;
    }

    /** Ryuk's image as Testcontainers would start it, with {@code hub.image.name.prefix} and substitutions. */
    private static String ryukImage() {
        DockerImageName name = DockerImageName.parse(TestcontainersConfiguration.getInstance().getRyukImage());
        return ImageNameSubstitutor.instance().apply(name).asCanonicalNameString();
    }

    static boolean hasImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Testcontainers chooses its reaper once, from the environment variable {@code TESTCONTAINERS_RYUK_DISABLED}
     * alone, and starts Ryuk (pulling it, for two minutes offline) as it first connects. A run cannot set an
     * environment variable of its own JVM, so this sets the choice where Testcontainers keeps it, before it
     * connects: the reaper it uses when that variable is {@code true}, and Ryuk once its image is known to be there.
     */
    private static final class Reapers {

        private static final String PACKAGE = "org.testcontainers.utility.";

        /** @return whether the reaper without Ryuk was put in place: not if Testcontainers had chosen already */
        static boolean withoutRyuk() {
            return install("JVMHookResourceReaper", true);
        }

        static void ryuk() {
            install("RyukResourceReaper", false);
            ResourceReaper.instance().init();
        }

        private static boolean install(String reaperClass, boolean onlyIfUnchosen) {
            // the lock of ResourceReaper.instance(), which reads and sets the choice
            synchronized (ResourceReaper.class) {
                return put(reaperClass, onlyIfUnchosen);
            }
        }

        private static boolean put(String reaperClass, boolean onlyIfUnchosen) {
            try {
                Field chosen = ResourceReaper.class.getDeclaredField("instance");
                chosen.setAccessible(true);
                if (onlyIfUnchosen && chosen.get(null) != null) {
                    return false;
                }
                Constructor<?> reaper = Class.forName(PACKAGE + reaperClass).getDeclaredConstructor();
                reaper.setAccessible(true);
                chosen.set(null, reaper.newInstance());
                return true;
            } catch (ReflectiveOperationException e) {
                // a Testcontainers whose insides differ from the version snipcheck was built with
                throw new IllegalStateException("cannot choose Testcontainers' reaper: " + e, e);
            }
        }
    }
}
