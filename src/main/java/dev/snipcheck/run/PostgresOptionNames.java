package dev.snipcheck.run;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.DockerUnavailableException;
import dev.snipcheck.postgres.ImageUnavailableException;
import dev.snipcheck.postgres.PostgresSettings;

/**
 * How a front end names the PostgreSQL settings, e.g. {@code --postgres-url} or {@code snipcheck.postgres.url}, so
 * that the hint for a server that could not be provided is written once and names what the user can change.
 *
 * @param backend the setting of the backend, as in {@code <backend>=embedded}
 * @param url     the setting of the external server's URL
 * @param image   the setting of the container image, with a placeholder for its value where the front end takes one
 */
public record PostgresOptionNames(String backend, String url, String image) {

    /** What to try when {@code failure} kept the server of {@code settings} from being provided. */
    public String hint(PostgresSettings settings, DatabaseUnavailableException failure) {
        if (failure instanceof ImageUnavailableException) {
            return "choose another image with " + image + " (one that Docker has, or can pull), or start no container"
                    + " with " + backend + "=embedded";
        }
        if (failure instanceof DockerUnavailableException) {
            return "start the Docker engine, or point DOCKER_HOST at one that runs, or start no container with "
                    + backend + "=embedded";
        }
        return settings.url().isPresent()
                ? "check that the server of " + url + " is running and the URL's credentials"
                : "use " + url + " to check against a running server instead";
    }
}
