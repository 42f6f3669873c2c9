package uk.placements.shared.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The DfE's Unique Pupil Number: a check letter, 11 digits, then a digit (permanent) or a letter (temporary).
 * Personal data: never log it, never put it in an event in clear. {@link #toString()} does not reveal it.
 */
public record Upn(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    @JsonCreator
    public Upn {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("not a valid UPN (13 characters with a correct check letter)");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || !FORMAT.matcher(candidate).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            char c = candidate.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : CHECK_LETTERS.indexOf(c);
            if (value < 0) {
                return false;
            }
            sum += value * (i + 1);
        }
        return candidate.charAt(0) == CHECK_LETTERS.charAt(sum % 23);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "Upn[redacted]";
    }
}
