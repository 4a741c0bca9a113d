package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {

    @Test
    void parsesUnitsAndCombinations() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Durations.parse("2m"));
        assertEquals(Optional.of(Duration.ofHours(1)), Durations.parse("1h"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("1m30s"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), Durations.parse("PT45S"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), Durations.parse(" 10S "));
    }

    @Test
    void rejectsWhatIsNotAPositiveDuration() {
        for (String bad : new String[] {"", "30", "s", "soon", "0s", "-5s", "30 s", "1.5s", "30sec",
            "99999999999999999999s", "PT-1S"}) {
            assertEquals(Optional.empty(), Durations.parse(bad), bad);
        }
    }
}
