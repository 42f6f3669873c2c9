package uk.placements.command.funding.domain;

import uk.placements.shared.common.Rule;
import uk.placements.shared.funding.Pounds;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;

import java.math.BigDecimal;
import java.util.Optional;

import static uk.placements.command.placement.domain.RuleViolation.require;

/**
 * The tariff's rules as pure functions: R-POSITIVE (every value is above zero) and R-NO-OVERLAP (one value per
 * key and period: a type's place rate per academic year, a band's value and a provision's own rate per financial
 * year; setting a period that has a value again is a correction, which needs a reason and keeps the value it
 * replaces). Setting the value a period already has records nothing.
 */
public final class TariffDecisions {

    private TariffDecisions() {
    }

    public static Optional<PlaceRateSet> setPlaceRate(TariffState s, SetPlaceRate c) {
        requirePeriod(c.type() != null && c.academicYear() != null);
        BigDecimal value = positive(c.perPlace(), "a place rate");
        Optional<BigDecimal> previous = s.placeRate(c.type(), c.academicYear());
        return decide(previous, value, c.reason(), "the place rate of " + c.type() + " for " + c.academicYear())
                .map(reason -> new PlaceRateSet(c.type(), c.academicYear(), value, previous.orElse(null), reason.text));
    }

    public static Optional<BandValueSet> setBandValue(TariffState s, SetBandValue c) {
        requirePeriod(c.band() != null && c.financialYear() != null);
        BigDecimal value = positive(c.annualValue(), "a band's value");
        Optional<BigDecimal> previous = s.bandValue(c.band(), c.financialYear());
        return decide(previous, value, c.reason(), "band " + c.band() + "'s value for " + c.financialYear())
                .map(reason -> new BandValueSet(c.band(), c.financialYear(), value, previous.orElse(null),
                        reason.text));
    }

    public static Optional<ProvisionTopUpRateSet> setProvisionRate(TariffState s, SetProvisionTopUpRate c) {
        requirePeriod(c.provisionId() != null && c.financialYear() != null);
        BigDecimal value = positive(c.annualValue(), "a provision's top-up rate");
        Optional<BigDecimal> previous = s.provisionRate(c.provisionId(), c.financialYear());
        return decide(previous, value, c.reason(),
                "the top-up rate of " + c.provisionId() + " for " + c.financialYear())
                .map(reason -> new ProvisionTopUpRateSet(c.provisionId(), c.financialYear(), value,
                        previous.orElse(null), reason.text));
    }

    /** R-POSITIVE: pounds and pence, above zero. */
    static BigDecimal positive(BigDecimal value, String what) {
        BigDecimal pounds = Pounds.of(value);
        require(pounds.signum() > 0, Rule.POSITIVE, what + " must be above zero, not " + pounds.toPlainString());
        return pounds;
    }

    /** R-NO-OVERLAP: empty when nothing changes; a correction of a value already set needs a reason. */
    private static Optional<Reason> decide(Optional<BigDecimal> previous, BigDecimal value, String reason,
                                           String what) {
        if (previous.isPresent() && previous.get().compareTo(value) == 0) {
            return Optional.empty();
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        require(previous.isEmpty() || text != null, Rule.NO_OVERLAP, what + " is already "
                + previous.map(BigDecimal::toPlainString).orElse("") + "; one value per period: correcting it "
                + "needs a reason");
        return Optional.of(new Reason(text));
    }

    private record Reason(String text) {
    }

    private static void requirePeriod(boolean present) {
        if (!present) {
            throw new IllegalArgumentException("the tariff entry and its period are required");
        }
    }
}
