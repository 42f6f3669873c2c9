package uk.placements.shared.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A school's Unique Reference Number in Get Information About Schools: six digits. */
public record SchoolUrn(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{6}");

    @JsonCreator
    public SchoolUrn {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a school URN has 6 digits");
        }
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
