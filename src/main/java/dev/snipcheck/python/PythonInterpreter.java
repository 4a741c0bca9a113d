package dev.snipcheck.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python that runs python blocks, as found on this machine: a Python 3 that can import {@code psycopg} and
 * {@code psycopg_pool}, or the reason there is none. Without one, python blocks are skipped, never failed.
 *
 * @param command  the interpreter as given ({@code python3} on the PATH, or {@code --python PATH})
 * @param versions e.g. "Python 3.11.2, psycopg 3.1.7, psycopg_pool 3.1.5"; empty when missing
 * @param missing  why python blocks cannot run, with the install command; empty when they can
 */
public record PythonInterpreter(String command, String versions, Optional<String> missing) {

    /** What the interpreter must import, and prints its versions with. */
    private static final String PROBE = "import sys, psycopg, psycopg_pool; print('Python %d.%d.%d, psycopg %s, "
            + "psycopg_pool %s' % (sys.version_info[:3] + (psycopg.__version__, psycopg_pool.__version__)))";
    static final String INSTALL = "apt-get install python3-psycopg python3-psycopg-pool, or "
            + "pip install \"psycopg[binary]\" psycopg_pool";
    private static final long PROBE_SECONDS = 20;

    /** Asks {@code command} whether it can run python blocks; takes a Python start (some tens of ms). */
    public static PythonInterpreter find(String command) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command, "-c", PROBE)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return missing(command, "there is no `" + command + "` to run them (" + e.getMessage() + ")");
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return missing(command, "`" + command + "` did not answer within " + PROBE_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String[] lines = output.split("\n");
                return missing(command, "`" + command + "` cannot import psycopg and psycopg_pool ("
                        + lines[lines.length - 1].strip() + ")");
            }
            return new PythonInterpreter(command, output, Optional.empty());
        } catch (IOException e) {
            return missing(command, "`" + command + "` failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return missing(command, "interrupted while asking `" + command + "` for psycopg");
        }
    }

    private static PythonInterpreter missing(String command, String why) {
        return new PythonInterpreter(command, "", Optional.of("python blocks need Python 3 with psycopg and "
                + "psycopg_pool: " + why + "; install them (" + INSTALL + ") or name another interpreter with "
                + "`--python PATH`"));
    }
}
