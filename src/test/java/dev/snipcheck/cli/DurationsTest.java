package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesUnitsAndCombinations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("PT45S"));
        assertEquals(Duration.ofSeconds(10), Durations.parse(" 10S "));
    }

    @Test
    void rejectsWhatIsNotAPositiveDuration() {
        for (String bad : new String[] {"", "30", "s", "soon", "0s", "-5s", "30 s", "1.5s", "30sec",
            "99999999999999999999s", "PT-1S"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertEquals("expected a positive duration such as 500ms, 30s, 2m or 1m30s, but was '" + bad + "'",
                    e.getMessage());
        }
    }
}
