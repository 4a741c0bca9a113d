package dev.snipcheck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which server a run gets; the container side is in ContainerBackendTest, which needs Docker. */
class PostgresLauncherTest {

    @Test
    void autoStartsTheEmbeddedServerWhenNoDockerEngineAnswersAndSaysSoInOneLine() throws Exception {
        List<String> notices = new ArrayList<>();
        try (PostgresServer server = PostgresLauncher.start(PostgresSettings.defaults(), notices::add, () -> false)) {
            assertTrue(server.description().startsWith("embedded PostgreSQL "), server.description());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("embedded PostgreSQL: no Docker engine answered ("), notices.get(0));
            assertEquals(Optional.empty(), server.lost());
        }
    }

    @Test
    void aUrlMeansAnExternalServer() {
        PostgresSettings settings = new PostgresSettings(Backend.AUTO, Optional.of("postgresql://localhost/db"), "postgres:17", false);
        assertEquals(Backend.EXTERNAL, settings.backend());
    }

    @Test
    void aUrlAndAnotherBackendContradictEachOther() {
        assertThrows(IllegalArgumentException.class,
                () -> new PostgresSettings(Backend.EMBEDDED, Optional.of("postgresql://localhost/db"), "postgres:17", false));
        assertThrows(IllegalArgumentException.class,
                () -> new PostgresSettings(Backend.EXTERNAL, Optional.empty(), "postgres:17", false));
    }
}
