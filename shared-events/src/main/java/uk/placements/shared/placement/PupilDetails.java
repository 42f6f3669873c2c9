package uk.placements.shared.placement;

import uk.placements.shared.common.Upn;

import java.time.LocalDate;
import java.util.Objects;

/** A pupil's personal data in clear. Lives only in commands and in memory: events carry {@link SealedPupil}. */
public record PupilDetails(Upn upn, String givenName, String familyName, LocalDate dateOfBirth) {

    public PupilDetails {
        Objects.requireNonNull(upn, "upn");
        requireName(givenName, "givenName");
        requireName(familyName, "familyName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    private static void requireName(String name, String field) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException(field + " must have 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return "PupilDetails[redacted]";
    }
}
