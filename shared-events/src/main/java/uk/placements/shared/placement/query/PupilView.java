package uk.placements.shared.placement.query;

import java.time.LocalDate;

/** A pupil's personal data as a caseworker sees it; all null and {@code erased} true once the pupil was erased. */
public record PupilView(String upn, String givenName, String familyName, LocalDate dateOfBirth, boolean erased) {

    @Override
    public String toString() {
        return "PupilView[redacted]";
    }
}
