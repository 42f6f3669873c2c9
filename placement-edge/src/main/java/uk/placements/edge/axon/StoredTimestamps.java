package uk.placements.edge.axon;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamps the JDBC event store keeps as text. Axon writes every one as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, milliseconds: {@link DateTimeUtils#formatInstant}) and reads it back with
 * {@link DateTimeUtils#parseInstant}, a general ISO-8601 parser that took about a fifth of a rebuild's samples, and
 * twice per event. This reads Axon's own shape digit by digit and hands anything else (another offset, another
 * precision, a malformed value) to Axon's parser, so it answers what Axon's parser answers for every value.
 */
final class StoredTimestamps {

    /** {@code 2026-12-06T04:02:57.123Z}. */
    private static final int LENGTH = 24;

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        try {
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
        } catch (DateTimeException outOfRange) {
            // e.g. 24:00:00 or 31 February: Axon's parser decides what that means (or refuses it)
            return DateTimeUtils.parseInstant(text);
        }
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
