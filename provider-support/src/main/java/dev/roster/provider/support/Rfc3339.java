package dev.roster.provider.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Reads the RFC 3339 timestamps vendors send ({@code 2026-03-01T10:15:30.123456Z},
 * {@code 2026-03-01t10:15:30+02:00}) straight into an {@link Instant}, without
 * {@link java.time.format.DateTimeFormatter}'s per-call parse state (a page of 100 invitations carries
 * 200 to 300 timestamps, and parsing them that way was most of what reading a page allocated).
 *
 * <p>It takes what {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)} takes from a vendor, and
 * nothing looser: a four-digit year; {@code T}, {@code t} or a space between date and time (RFC 3339
 * allows the space); seconds optional; up to nine fractional digits (a bare point is zero, as java.time has it); {@code Z}, {@code z} or an offset
 * {@code ±HH:MM} (or {@code ±HH:MM:SS}); every field within its range (a 30th of February is refused).
 */
public final class Rfc3339 {

    private Rfc3339() {}

    /**
     * The instant a timestamp names.
     *
     * @param text the timestamp, without surrounding spaces
     * @return the instant
     * @throws DateTimeParseException if it is not an RFC 3339 timestamp as described above
     */
    public static Instant parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        // yyyy-MM-ddTHH:mm is the least there can be, then Z.
        if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':') {
            throw unreadable(text, 0);
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            throw unreadable(text, 10);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int at = 16;
        int second = 0;
        int nanos = 0;
        if (at < length && text.charAt(at) == ':') {
            second = digits(text, at + 1, 2);
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                int start = ++at;
                while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
                    nanos = nanos * 10 + (text.charAt(at) - '0');
                    at++;
                }
                int count = at - start;
                if (count > 9) { // a bare point (no digits) is zero, as java.time reads it
                    throw unreadable(text, at);
                }
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        if (at >= length) {
            throw unreadable(text, at);
        }
        int offsetSeconds;
        char zone = text.charAt(at);
        if (zone == 'Z' || zone == 'z') {
            offsetSeconds = 0;
            at++;
        } else if (zone == '+' || zone == '-') {
            if (at + 6 > length || text.charAt(at + 3) != ':') {
                throw unreadable(text, at);
            }
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            int offsetSecondsPart = 0;
            at += 6;
            if (at < length && text.charAt(at) == ':') {
                offsetSecondsPart = digits(text, at + 1, 2);
                at += 3;
            }
            if (offsetHours > 18 || offsetMinutes > 59 || offsetSecondsPart > 59
                    || offsetHours == 18 && (offsetMinutes > 0 || offsetSecondsPart > 0)) {
                throw unreadable(text, at);
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60 + offsetSecondsPart) * (zone == '-' ? -1 : 1);
        } else {
            throw unreadable(text, at);
        }
        if (at != length || hour > 23 || minute > 59 || second > 59) {
            throw unreadable(text, at);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw unreadable(text, 0);
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    private static int digits(CharSequence text, int from, int count) {
        if (from + count > text.length()) {
            throw unreadable(text, from);
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw unreadable(text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DateTimeParseException unreadable(CharSequence text, int index) {
        return new DateTimeParseException("Not an RFC 3339 timestamp", text, Math.min(index, text.length()));
    }
}
