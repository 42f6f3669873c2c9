package uk.placements.command.funding.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.TopUpBasis;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The JSON bodies of the money writes (docs/funding.md). Sums are pounds with at most two decimals; a value of zero
 * or below passes here and is refused by its rule (R-POSITIVE), so the refusal names the rule.
 */
public final class FundingRequests {

    static final int TEXT = 500;
    static final String YEAR = "20[0-9]{2}-[0-9]{2}";
    static final String YEAR_MESSAGE = "must be a year written like 2025-26";

    private FundingRequests() {
    }

    public record PlaceRate(@NotNull ProvisionType type,
                            @NotNull @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String academicYear,
                            @NotNull @Digits(integer = 8, fraction = 2) @DecimalMax("10000000") BigDecimal perPlace,
                            @Size(max = TEXT) String reason) {
    }

    public record AnnualValue(@NotNull @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String financialYear,
                              @NotNull @Digits(integer = 8, fraction = 2) @DecimalMax("10000000")
                              BigDecimal annualValue,
                              @Size(max = TEXT) String reason) {
    }

    /** {@code basis} defaults to BAND; {@code band} is null for the provision's own rate. */
    public record TopUp(TopUpBasis basis,
                        @Pattern(regexp = "[A-Z0-9-]{1,20}", message = "must be 1 to 20 characters of A-Z, 0-9 and '-'")
                        String band,
                        @NotNull LocalDate effectiveFrom,
                        @Size(max = TEXT) String reason) {
    }
}
