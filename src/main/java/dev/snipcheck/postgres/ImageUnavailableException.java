package dev.snipcheck.postgres;

/** Docker answers, but the container image is neither present nor pullable (offline, a typo, no access). */
public final class ImageUnavailableException extends DatabaseUnavailableException {

    private final String image;

    ImageUnavailableException(String image, String reason, Throwable cause) {
        super("image " + image + " is not available to Docker and could not be pulled: " + reason, cause);
        this.image = image;
    }

    /** The image as it was asked for. */
    public String image() {
        return image;
    }
}
