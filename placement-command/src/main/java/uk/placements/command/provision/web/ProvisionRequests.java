package uk.placements.command.provision.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.placements.edge.web.PlainText;
import uk.placements.edge.web.PlausibleDate;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The JSON bodies of the provision writes (API.md). Bodies named like a view get a name of their own in the OpenAPI
 * document: a view's fields may be null where the request's are required.
 */
public final class ProvisionRequests {

    static final int TEXT = 500;

    private ProvisionRequests() {
    }

    @Schema(name = "HostSchoolInput")
    public record HostSchool(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit URN") String urn,
                             @NotBlank @Size(max = 200) @PlainText String name) {
    }

    public record Commission(@NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}",
                                     message = "must be 3 to 40 characters of A-Z, 0-9 and '-'") String id,
                             @NotBlank @Size(max = 200) @PlainText String name,
                             @NotNull ProvisionType type,
                             @NotNull @Valid HostSchool hostSchool,
                             @NotNull Phase phase,
                             @NotNull @Min(0) @Max(13) Integer lowestYear,
                             @NotNull @Min(0) @Max(13) Integer highestYear,
                             @NotEmpty Set<@NotNull NeedCode> designatedNeeds,
                             @NotNull @Min(1) @Max(500) Integer commissionedPlaces,
                             @NotNull @PlausibleDate LocalDate openedOn) {

        @JsonIgnore
        @AssertTrue(message = "lowestYear must not be above highestYear")
        public boolean isYearRange() {
            return lowestYear == null || highestYear == null || lowestYear <= highestYear;
        }
    }

    public record Places(@NotNull @Min(1) @Max(500) Integer commissionedPlaces,
                         @NotNull @PlausibleDate LocalDate effectiveFrom,
                         @Size(max = TEXT) @PlainText(lines = true) String reason) {
    }

    @Schema(name = "StaffingInput")
    public record Staffing(@NotNull @Min(0) @Max(500) Integer adults,
                           @NotNull @Min(0) @Max(500) Integer qualifiedTeachers,
                           @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal therapyHoursPerWeek,
                           @NotNull @PlausibleDate LocalDate effectiveFrom) {

        @JsonIgnore
        @AssertTrue(message = "qualifiedTeachers are counted among adults, so cannot exceed them")
        public boolean isTeachersAmongAdults() {
            return adults == null || qualifiedTeachers == null || qualifiedTeachers <= adults;
        }
    }

    /** The inclusion-base model from a date. */
    public record BaseModelInput(@NotNull BaseModel baseModel, @NotNull @PlausibleDate LocalDate effectiveFrom) {
    }

    /**
     * The qualified teacher with day-to-day responsibility for the base from a date: {@code teacherName}, or
     * {@code vacant: true} when the post is vacant. Staff data: the request is never logged.
     */
    @Schema(name = "BaseLeadInput")
    public record BaseLead(@Size(max = 200) @PlainText String teacherName,
                           Boolean vacant,
                           @NotNull @PlausibleDate LocalDate effectiveFrom) {

        @JsonIgnore
        @AssertTrue(message = "give teacherName, or vacant: true, not both")
        public boolean isNamedOrVacant() {
            boolean named = teacherName != null && !teacherName.isBlank();
            return Boolean.TRUE.equals(vacant) ? teacherName == null : named;
        }

        @Override
        public String toString() {
            return "BaseLead[" + (Boolean.TRUE.equals(vacant) ? "vacant" : "named") + ", effectiveFrom="
                    + effectiveFrom + "]";
        }
    }

    /**
     * Pupils' weekly hours with a qualified teacher from a date, and those of their mainstream peers (default: the
     * authority's {@code placements.bases.mainstream-peer-hours-per-week}). The bounds here refuse typing slips
     * (400); R-BASE-HOURS keeps both within a school week (422).
     */
    @Schema(name = "TeacherAccessInput")
    public record TeacherAccess(@NotNull @DecimalMin("0") @DecimalMax("168") BigDecimal hoursPerWeek,
                                @DecimalMin("0") @DecimalMax("168") BigDecimal mainstreamPeerHoursPerWeek,
                                @NotNull @PlausibleDate LocalDate effectiveFrom) {
    }

    public record Close(@NotNull @PlausibleDate LocalDate closedOn,
                        @NotBlank @Size(max = TEXT) @PlainText(lines = true) String reason) {
    }
}
