package uk.placements.shared.placement;

/**
 * A pupil's personal data as events carry it: each field encrypted with the pupil's own data key
 * (crypto-shredding: deleting the key makes every copy unreadable at once).
 */
public record SealedPupil(String upn, String givenName, String familyName, String dateOfBirth) {
}
