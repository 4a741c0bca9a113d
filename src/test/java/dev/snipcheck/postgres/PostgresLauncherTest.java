package dev.snipcheck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which server a run gets; the container side is in ContainerBackendTest and AutoFallbackTest, which need Docker. */
class PostgresLauncherTest {

    @Test
    void aUrlMeansAnExternalServer() {
        PostgresSettings settings = new PostgresSettings(Backend.AUTO, Optional.of("postgresql://localhost/db"), "postgres:17", false, PostgresSettings.DEFAULT_PULL_TIMEOUT);
        assertEquals(Backend.EXTERNAL, settings.backend());
    }

    @Test
    void aUrlAndAnotherBackendContradictEachOther() {
        assertThrows(IllegalArgumentException.class,
                () -> new PostgresSettings(Backend.EMBEDDED, Optional.of("postgresql://localhost/db"), "postgres:17", false, PostgresSettings.DEFAULT_PULL_TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> new PostgresSettings(Backend.EXTERNAL, Optional.empty(), "postgres:17", false, PostgresSettings.DEFAULT_PULL_TIMEOUT));
    }
}
