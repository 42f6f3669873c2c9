package uk.placements.shared.placement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;
import java.util.UUID;

/** A placement's id: a lower-case UUID, so it can never collide with a provision's upper-case code. */
public record PlacementId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public PlacementId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a placement id is a lower-case UUID");
        }
    }

    public static PlacementId random() {
        return new PlacementId(UUID.randomUUID().toString());
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
