package uk.placements.command.placement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    public record Pupil(@NotNull @ValidUpn String upn,
                        @NotBlank @Size(max = 100) String givenName,
                        @NotBlank @Size(max = 100) String familyName,
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
                        @NotNull LocalDate referredOn,
                        @Size(max = TEXT) String note) {
    }

    public record OverCapacity(@NotBlank @Size(max = TEXT) String reason,
                               @NotBlank @Size(max = 100) String decidedBy) {
    }

    public record Offer(@NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "must be a provision id")
                        String provisionId,
                        @NotNull LocalDate offeredOn,
                        @Size(max = TEXT) String needOverrideReason,
                        @Valid OverCapacity overCapacityDecision) {
    }

    /** Decline or withdraw an offer, withdraw a referral. */
    public record OnWithReason(@NotNull LocalDate on, @NotBlank @Size(max = TEXT) String reason) {
    }

    public record Admission(@NotNull LocalDate admittedOn,
                            @Min(0) @Max(100) Integer mainstreamPercent,
                            @Size(max = TEXT) String reason) {
    }

    /** {@code reasonCategory} (optional, added to API.md's body) lets reasons be counted by category. */
    public record TimeSplit(@NotNull @Min(0) @Max(100) Integer mainstreamPercent,
                            @NotNull LocalDate effectiveFrom,
                            @Size(max = TEXT) String reason,
                            SplitChangeCategory reasonCategory) {
    }

    public record MoveToMainstream(@NotNull LocalDate effectiveFrom, @Size(max = TEXT) String note) {
    }

    public record End(@NotNull LocalDate effectiveFrom, EndReason reason, @Size(max = TEXT) String note) {
    }
}
