package dev.snipcheck.postgres;

/** Docker answers, but the container image is neither present nor pullable in time (offline, a typo, no access). */
public final class ImageUnavailableException extends DatabaseUnavailableException {

    private final String image;
    private final String reason;

    ImageUnavailableException(String image, String reason, Throwable cause) {
        super("image " + image + " is not available to Docker and could not be pulled: " + reason, cause);
        this.image = image;
        this.reason = reason;
    }

    /** The image as it was asked for. */
    public String image() {
        return image;
    }

    /** Why the pull failed: Docker's answer, or that it did not finish in time. */
    public String reason() {
        return reason;
    }
}
