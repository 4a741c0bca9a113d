package dev.snipcheck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.PostgresSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The defaults of every front end, as docs/cli.md and docs/junit.md give them. */
class RunSettingsTest {

    @Test
    void aRunThatIsToldNothingGivesEachBlockThirtySecondsRunsAPagePerCorePullsForAMinuteAndPassesNoEnvironment() {
        assertEquals(new RunSettings(Duration.ofSeconds(30), Runtime.getRuntime().availableProcessors(),
                        new PostgresSettings(Backend.AUTO, Optional.empty(), "postgres:17", false, Duration.ofSeconds(60)), true,
                        "python3", List.of()),
                RunSettings.defaults());
    }

    @Test
    void aNumberOfJobsIsAWholeNumberOfAtLeastOne() {
        assertEquals(Optional.of(4), RunSettings.parseJobs(" 4 "));
        assertEquals(Optional.empty(), RunSettings.parseJobs("0"));
        assertEquals(Optional.empty(), RunSettings.parseJobs("many"));
    }
}
