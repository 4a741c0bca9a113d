package dev.snipcheck.cache;

import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.run.RunSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the verdicts of every page of a run depend on besides the page itself, as one digest: snipcheck's own code,
 * the JDK, the settings that change verdicts, and the class path the blocks compile and run against. Settings that
 * change only how a run goes, such as the number of jobs or where the report is written, are left out.
 */
final class RunKey {

    private RunKey() {
    }

    static String of(RunSettings settings, String classpath, FileDigests digests) throws IOException {
        String text = "snipcheck " + digests.ofEntry(snipcheckCode()) + "\n"
                + "jdk " + System.getProperty("java.home") + " " + System.getProperty("java.vendor") + " "
                + System.getProperty("java.vm.version") + "\n"
                + "timeout " + settings.timeout() + "\n"
                + "detectors " + settings.detectors() + "\n"
                + "python " + settings.python() + "\n"
                + "pass-env " + settings.passEnv() + "\n"
                + "postgres " + ofServer(settings.postgres()) + "\n"
                + "classpath " + digests.ofClasspath(classpath) + "\n";
        return FileDigests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Which server the settings choose: the backend, the image and the URL (which may hold a password, hence only
     * its digest is kept), but not how long a pull may take or whether the container is kept.
     */
    static String ofServer(PostgresSettings postgres) {
        String text = postgres.backend() + "\n" + postgres.image() + "\n" + postgres.url().orElse("");
        return FileDigests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The jar or classes directory snipcheck runs from: by content, so that a development build invalidates the
     * cache as a new version does, even when the front end's class path leaves snipcheck out.
     */
    private static Path snipcheckCode() {
        try {
            return Path.of(RunKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("snipcheck's own location is no path", e);
        }
    }
}
