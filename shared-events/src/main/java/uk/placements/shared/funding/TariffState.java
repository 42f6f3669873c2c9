package uk.placements.shared.funding;

import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tariff folded from its events: place rates by type and academic year, band values and provisions' own
 * rates by financial year. Pure, shared by the aggregate, the command side's look-ups and the read API.
 * {@code version} is the sequence number of the last event folded in (-1 before any).
 */
public record TariffState(long version,
                          Map<ProvisionType, Map<AcademicYear, BigDecimal>> placeRates,
                          Map<BandCode, Map<FinancialYear, BigDecimal>> bandValues,
                          Map<ProvisionId, Map<FinancialYear, BigDecimal>> provisionRates) {

    public static final TariffState NONE = new TariffState(-1, Map.of(), Map.of(), Map.of());

    public static TariffState fold(Iterable<? extends TariffEvent> events) {
        TariffState state = NONE;
        for (TariffEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public TariffState evolve(TariffEvent event) {
        if (event instanceof PlaceRateSet e) {
            return new TariffState(version + 1, with(placeRates, e.type(), e.academicYear(), e.perPlace()),
                    bandValues, provisionRates);
        }
        if (event instanceof BandValueSet e) {
            return new TariffState(version + 1, placeRates,
                    with(bandValues, e.band(), e.financialYear(), e.annualValue()), provisionRates);
        }
        ProvisionTopUpRateSet e = (ProvisionTopUpRateSet) event;
        return new TariffState(version + 1, placeRates, bandValues,
                with(provisionRates, e.provisionId(), e.financialYear(), e.annualValue()));
    }

    public Optional<BigDecimal> placeRate(ProvisionType type, AcademicYear year) {
        return Optional.ofNullable(placeRates.getOrDefault(type, Map.of()).get(year));
    }

    public Optional<BigDecimal> bandValue(BandCode band, FinancialYear year) {
        return Optional.ofNullable(bandValues.getOrDefault(band, Map.of()).get(year));
    }

    public Optional<BigDecimal> provisionRate(ProvisionId provision, FinancialYear year) {
        return Optional.ofNullable(provisionRates.getOrDefault(provision, Map.of()).get(year));
    }

    /** The annual value of a band, or of a provision's own rate ({@code band} null), in force on {@code date}. */
    public Optional<BigDecimal> topUpOn(TopUpBasis basis, BandCode band, ProvisionId provision, LocalDate date) {
        return Optional.ofNullable(topUpIn(basis, band, provision, FinancialYear.of(date)));
    }

    /** The annual value of a band, or of a provision's own rate, in force in {@code year}; null if none. */
    public BigDecimal topUpIn(TopUpBasis basis, BandCode band, ProvisionId provision, FinancialYear year) {
        Map<FinancialYear, BigDecimal> years = basis == TopUpBasis.BAND ? bandValues.get(band)
                : provisionRates.get(provision);
        return years == null ? null : years.get(year);
    }

    private static <K, Y extends Comparable<Y>> Map<K, Map<Y, BigDecimal>> with(
            Map<K, Map<Y, BigDecimal>> values, K key, Y year, BigDecimal value) {
        Map<K, Map<Y, BigDecimal>> copy = new java.util.HashMap<>(values);
        Map<Y, BigDecimal> years = new TreeMap<>(copy.getOrDefault(key, Map.of()));
        years.put(year, value);
        copy.put(key, java.util.Collections.unmodifiableMap(years));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
