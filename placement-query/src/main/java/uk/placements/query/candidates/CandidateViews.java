package uk.placements.query.candidates;

import java.time.LocalDate;
import java.util.List;

/** The JSON of {@code GET /api/placements/{id}/candidates}. */
public final class CandidateViews {

    private CandidateViews() {
    }

    /** A rule an offer at the provision would break, with its code and why. */
    public record Blocker(String rule, String message) {
    }

    /**
     * A provision for the placement: {@code eligible} when an offer breaks no rule; {@code overridable} when every
     * rule it breaks has a path the law allows (R-NEED with a need-override reason, R-CAPACITY with an over-capacity
     * decision); vacancies and commissioned places as at the offer date (null when it is not open then).
     */
    public record Candidate(String provisionId, String name, String type, String phase, String urn, String school,
                            boolean eligible, boolean overridable, boolean outsideDesignatedNeed,
                            Integer commissioned, Integer vacancies, List<Blocker> blockers) {
    }

    /** Every provision, eligible first, then those an override allows, then the rest. */
    public record Candidates(String placementId, LocalDate offeredOn, int eligible, List<Candidate> candidates) {
    }
}
