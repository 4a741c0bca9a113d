package dev.snipcheck.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.utility.DockerImageName;

/**
 * One pull of an image, given up after a bound, instead of Testcontainers' retries for two minutes: offline, Docker's
 * answer does not change, and the user should hear soon which image is missing. While it runs, the user hears how
 * far it got.
 */
final class ImagePull extends PullImageResultCallback {

    private static final long MB = 1L << 20;

    private final String image;
    // layer id -> {bytes so far, bytes in all}; a layer that is complete counts whole
    private final Map<String, long[]> layers = new ConcurrentHashMap<>();

    ImagePull(String image) {
        this.image = image;
    }

    /** Pulls {@code name} within {@code bound}, telling {@code notices} its progress; Docker has it afterwards. */
    static void pull(DockerClient docker, String image, DockerImageName name, Duration bound, Consumer<String> notices)
            throws ImageUnavailableException {
        ImagePull pull = new ImagePull(image);
        try (Wait progress = Wait.progress(notices, pull::progress)) {
            // with no tag, the engine would pull every tag of the repository
            docker.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(pull);
            if (!pull.awaitCompletion(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                pull.abort();
                throw new ImageUnavailableException(image, "the pull did not finish within " + seconds(bound)
                        + " (" + pull.layersDone() + ")", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pull.abort();
            throw new ImageUnavailableException(image, "interrupted", e);
        } catch (RuntimeException e) {
            // no cause: its message, the engine's JSON, would only repeat the reason
            throw new ImageUnavailableException(image, ContainerServer.rootMessage(e), null);
        }
    }

    static String seconds(Duration bound) {
        return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }

    @Override
    public void onNext(PullResponseItem item) {
        super.onNext(item);
        ResponseItem.ProgressDetail detail = item.getProgressDetail();
        String status = String.valueOf(item.getStatus());
        // "Pulling from library/postgres" carries the tag as its id; every other line with an id is a layer's
        if (item.getId() == null || status.startsWith("Pulling from")) {
            return;
        }
        long[] layer = layers.computeIfAbsent(item.getId(), id -> new long[2]);
        if (detail != null && detail.getTotal() != null && detail.getTotal() > 0 && status.startsWith("Downloading")) {
            layer[0] = detail.getCurrent() == null ? 0 : detail.getCurrent();
            layer[1] = detail.getTotal();
        } else if (status.equals("Download complete") || status.equals("Pull complete") || status.equals("Already exists")) {
            layer[1] = Math.max(layer[1], 1);
            layer[0] = layer[1];
        }
    }

    /** "pulling image postgres:17: 3 of 9 layers, 45 of 152 MB". */
    String progress() {
        return "pulling image " + image + ": " + layersDone();
    }

    private String layersDone() {
        long complete = layers.values().stream().filter(l -> l[1] > 0 && l[0] >= l[1]).count();
        long bytes = layers.values().stream().mapToLong(l -> l[0]).sum();
        long total = layers.values().stream().mapToLong(l -> l[1]).sum();
        return complete + " of " + layers.size() + " layers, " + bytes / MB + " of " + total / MB + " MB";
    }

    private void abort() {
        try {
            close();
        } catch (IOException e) {
            // the pull's connection is gone either way
        }
    }
}
