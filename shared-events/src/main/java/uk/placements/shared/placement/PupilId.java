package uk.placements.shared.placement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * A pseudonymous pupil id: it names the pupil's data key, and carries no personal data itself. The same pupil
 * (by UPN) keeps the same id across placements.
 */
public record PupilId(String value) {

    @JsonCreator
    public PupilId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a pupil id is required");
        }
    }

    public static PupilId random() {
        return new PupilId(UUID.randomUUID().toString());
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
