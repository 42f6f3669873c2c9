package uk.placements.command.placement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.placements.edge.web.InvalidField;
import uk.placements.edge.web.PlainText;
import uk.placements.edge.web.PlausibleDate;
import uk.placements.edge.web.ValidUpn;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.SplitChangeCategory;

import java.time.LocalDate;
import java.util.Set;

/**
 * The JSON bodies of the placement writes (API.md). Shape and ranges are checked here (400); what the domain rules
 * decide, such as whether a reason is needed, is left to the rules (409/422 naming the rule).
 */
public final class PlacementRequests {

    static final int TEXT = 500;

    private PlacementRequests() {
    }

    /** A date of birth is checked against the referral date too: {@link #checkAge}. */
    public record Pupil(@NotNull @ValidUpn String upn,
                        @NotBlank @Size(max = 100) @PlainText String givenName,
                        @NotBlank @Size(max = 100) @PlainText String familyName,
                        @NotNull @Past LocalDate dateOfBirth) {
        @Override
        public String toString() {
            return "Pupil[redacted]";
        }
    }

    public record Refer(@NotNull @Valid Pupil pupil,
                        @NotNull @Min(0) @Max(13) Integer yearGroup,
                        @NotNull NeedCode primaryNeed,
                        @Size(max = 12) Set<@NotNull NeedCode> secondaryNeeds,
                        @NotNull EhcpStatus ehcpStatus,
                        ProvisionType requestedType,
                        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit URN") String homeSchoolUrn,
                        @NotNull @PlausibleDate LocalDate referredOn,
                        @Size(max = TEXT) @PlainText(lines = true) String note) {
    }

    /** The youngest and oldest a referred pupil may be on the referral date: SEND runs from 2 (nursery) to 25. */
    static final int YOUNGEST = 2;
    static final int OLDEST = 25;

    /**
     * A date of birth that puts the pupil, on the referral date, between {@link #YOUNGEST} and {@link #OLDEST}
     * years old: anything else is a slip of the keyboard, refused with a field error.
     */
    static void checkAge(Refer refer) {
        LocalDate born = refer.pupil().dateOfBirth();
        LocalDate on = refer.referredOn();
        if (born.isAfter(on.minusYears(YOUNGEST)) || !born.isAfter(on.minusYears(OLDEST + 1))) {
            throw new InvalidField("pupil.dateOfBirth", "must make the pupil " + YOUNGEST + " to " + OLDEST
                    + " years old on referredOn");
        }
    }

    @Schema(name = "OverCapacityDecisionInput")
    public record OverCapacity(@NotBlank @Size(max = TEXT) @PlainText(lines = true) String reason,
                               @NotBlank @Size(max = 100) @PlainText String decidedBy) {
    }

    public record Offer(@NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "must be a provision id")
                        String provisionId,
                        @NotNull @PlausibleDate LocalDate offeredOn,
                        @Size(max = TEXT) @PlainText(lines = true) String needOverrideReason,
                        @Valid OverCapacity overCapacityDecision) {
    }

    /** Decline or withdraw an offer, withdraw a referral. */
    public record OnWithReason(@NotNull @PlausibleDate LocalDate on,
                               @NotBlank @Size(max = TEXT) @PlainText(lines = true) String reason) {
    }

    public record Admission(@NotNull @PlausibleDate LocalDate admittedOn,
                            @Min(0) @Max(100) Integer mainstreamPercent,
                            @Size(max = TEXT) @PlainText(lines = true) String reason) {
    }

    /** {@code reasonCategory} (optional, added to API.md's body) lets reasons be counted by category. */
    public record TimeSplit(@NotNull @Min(0) @Max(100) Integer mainstreamPercent,
                            @NotNull @PlausibleDate LocalDate effectiveFrom,
                            @Size(max = TEXT) @PlainText(lines = true) String reason,
                            SplitChangeCategory reasonCategory) {
    }

    public record MoveToMainstream(@NotNull @PlausibleDate LocalDate effectiveFrom,
                                   @Size(max = TEXT) @PlainText(lines = true) String note) {
    }

    public record End(@NotNull @PlausibleDate LocalDate effectiveFrom, EndReason reason,
                      @Size(max = TEXT) @PlainText(lines = true) String note) {
    }
}
