package uk.placements.command.funding.domain;

import uk.placements.shared.common.Rule;
import uk.placements.shared.funding.FundingState;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.event.TopUpAssigned;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import static uk.placements.command.placement.domain.RuleViolation.require;

/**
 * A placement's funding rules as a pure function: R-STATE (only a placement with an offer or a place is funded),
 * R-FUNDING-DATE (from a day of that offer or place), R-BAND-EXISTS (the band, or the provision's own rate, has a
 * value for the financial year of that day), R-FUNDING-REASON (a change after the first assignment needs a reason).
 * Back-dating is allowed; the event's timestamp and metadata say when and by whom it was recorded.
 */
public final class FundingDecisions {

    private FundingDecisions() {
    }

    /**
     * Empty when the assignment is a repeat: the one in force on that day takes effect that very day with the basis
     * and band asked for (a retry, a form sent twice). The same basis and band in force from an earlier day is not a
     * repeat: it is recorded, so that the day stays theirs when a later back-dated change takes effect before it.
     */
    public static Optional<TopUpAssigned> assign(FundingState s, AssignTopUp c, PlacementPeriod placement,
                                                 TariffState tariff) {
        TopUpBasis basis = c.basis() == null ? TopUpBasis.BAND : c.basis();
        if (c.effectiveFrom() == null) {
            throw new IllegalArgumentException("effectiveFrom is required");
        }
        if (basis == TopUpBasis.BAND && c.band() == null) {
            throw new IllegalArgumentException("a top-up at a band names the band");
        }
        if (basis == TopUpBasis.PROVISION_RATE && c.band() != null) {
            throw new IllegalArgumentException("a top-up at the provision's own rate names no band");
        }
        require(placement.provisionId() != null, Rule.STATE, "a top-up is assigned only to a placement with an "
                + "offer or a place; this one is " + placement.status());
        require(!c.effectiveFrom().isBefore(placement.offeredOn()), Rule.FUNDING_DATE,
                "a top-up starts on or after the offer of the place (" + placement.offeredOn() + ")");
        require(placement.leftOn() == null || c.effectiveFrom().isBefore(placement.leftOn()), Rule.FUNDING_DATE,
                "a top-up starts before the pupil left the provision (" + placement.leftOn() + ")");
        Optional<BigDecimal> value = tariff.topUpOn(basis, c.band(), placement.provisionId(), c.effectiveFrom());
        require(value.isPresent(), Rule.BAND_EXISTS, (basis == TopUpBasis.BAND ? "band " + c.band()
                : "the provision's own top-up rate") + " has no value for the financial year of "
                + c.effectiveFrom() + " in the tariff");
        Optional<TopUpAssigned> before = s.inForceOn(c.effectiveFrom());
        if (before.isPresent() && before.get().effectiveFrom().equals(c.effectiveFrom())
                && before.get().basis() == basis && Objects.equals(before.get().band(), c.band())) {
            return Optional.empty();
        }
        boolean change = !s.assignments().isEmpty();
        String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
        require(!change || reason != null, Rule.FUNDING_REASON, "changing a placement's top-up needs a reason");
        return Optional.of(new TopUpAssigned(placement.state().id(), placement.provisionId(), basis, c.band(),
                c.effectiveFrom(), value.get(), change, before.map(TopUpAssigned::basis).orElse(null),
                before.map(TopUpAssigned::band).orElse(null), reason));
    }
}
