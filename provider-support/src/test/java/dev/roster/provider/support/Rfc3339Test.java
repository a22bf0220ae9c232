package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Rfc3339 reads vendors' timestamps as java.time's ISO parser does")
class Rfc3339Test {

    private static Instant iso(String text) {
        return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:15:30Z", "2026-03-01T10:15:30.123456Z", "2026-03-01t10:15:30.1z",
            "2026-03-01 10:15:30.123456789+02:00", "2024-02-29T23:59:59-11:30", "0001-01-01T00:00:00Z",
            "2026-03-01T10:15Z", "1999-12-31T23:59:59+14:00", "2026-03-01T10:15:30+05:30:15", "2026-01-01T00:00:00-18:00",
            "2026-03-01T10:15:30.Z"})
    @DisplayName("reads what Confluent and GitHub send, fractions, offsets and lower case included")
    void reads(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(iso(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-03-01", "2026-03-01T10:15:30", "2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z",
            "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z", "2026-03-01T10:15:60Z", "2026-03-01T10:15:30.1234567890Z", "2026-03-01T10:15:30+0200", "2026-03-01T10:15:30+19:00",
            "2026-03-01X10:15:30Z", "2026-03-01T10:15:30Z ", "26-03-01T10:15:30Z", "2026-03-01T10:15:30ZZ",
            "２０２６-03-01T10:15:30Z"})
    @DisplayName("refuses what is not one, as the ISO parser does")
    void refuses(String text) {
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> iso(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    @DisplayName("agrees with the ISO parser on 20,000 random timestamps (fixed seed)")
    void agreesOnRandomTimestamps() {
        Random random = new Random(3339);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1L : 3L),
                    random.nextInt(1_000_000_000));
            int offsetMinutes = (random.nextInt(18 * 60 * 2 + 1) - 18 * 60);
            String text = OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(iso(text)).isEqualTo(instant);
        }
    }
}
