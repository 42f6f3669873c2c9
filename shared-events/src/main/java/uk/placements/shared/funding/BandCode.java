package uk.placements.shared.funding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A top-up band's code as the authority names it ("BAND-1", "B3"): A-Z, 0-9 and '-', 1 to 20 characters. */
public record BandCode(String value) implements Comparable<BandCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{1,20}");

    @JsonCreator
    public BandCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a band code has 1 to 20 characters of A-Z, 0-9 and '-'");
        }
    }

    @Override
    public int compareTo(BandCode other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
