package uk.placements.shared.provision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The authority's own code for a provision: A-Z, 0-9 and '-', 3 to 40 characters. */
public record ProvisionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{3,40}");

    @JsonCreator
    public ProvisionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a provision id has 3 to 40 characters of A-Z, 0-9 and '-'");
        }
    }

    /** Whether {@code value} is a provision id's form (any other string names no provision). */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
