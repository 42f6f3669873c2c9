package uk.placements.query.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answers of the money reads (docs/funding.md). Sums in pounds with two decimals. */
public final class FundingViews {

    private FundingViews() {
    }

    /** The tariff; {@code version} is its stream's version (-1 before anything was set), also its ETag. */
    public record Tariff(long version, List<TariffPlaceRate> placeRates, List<BandValue> bands,
                         List<ProvisionRate> provisionRates) {
    }

    public record TariffPlaceRate(String type, String academicYear, LocalDate from, LocalDate to,
                                  BigDecimal perPlace) {
    }

    public record BandValue(String band, String financialYear, LocalDate from, LocalDate to, BigDecimal annualValue) {
    }

    public record ProvisionRate(String provisionId, String financialYear, LocalDate from, LocalDate to,
                                BigDecimal annualValue) {
    }

    /**
     * A placement's funding: what is in force on {@code asOf} (null if nothing) and every assignment in the order
     * recorded, with who recorded it and when. {@code version} is the funding stream's (-1 before the first).
     */
    public record Funding(String placementId, long version, LocalDate asOf, Assignment inForce, List<Assignment> history) {
    }

    /**
     * One assignment; {@code backdated} when it takes effect before the day it was recorded (UTC). Not named TopUp:
     * the API document names schemas by simple class name, and the request to assign one is {@code TopUp}.
     */
    public record Assignment(long sequence, String basis, String band, LocalDate effectiveFrom, BigDecimal annualValue,
                        boolean change, String previousBasis, String previousBand, String reason,
                        Instant recordedAt, String recordedBy, boolean backdated) {
    }

    /** An admitted placement with no top-up in force on {@code asOf}. By placement id only: no personal data. */
    public record Unfunded(String placementId, String provisionId, LocalDate admittedOn, long daysWithoutFunding) {
    }

    public record UnfundedPage(LocalDate asOf, List<Unfunded> items, int page, int size, long total) {
    }
}
