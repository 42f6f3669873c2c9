package uk.placements.command.placement.domain;

import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SplitChangeCategory;
import uk.placements.shared.placement.SplitChangeReason;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.placement.OfferRules;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.provision.ProvisionProfile;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static uk.placements.command.placement.domain.RuleViolation.require;

/**
 * The placement rules of DOMAIN.md as pure functions: state and command in, the event to record out, or a
 * {@link RuleViolation} naming the rule. Each rule is checked here and nowhere else (R-CAPACITY,
 * R-PROVISION-OPEN, R-PLACES-CHANGE and R-CLOSE belong to the provision; R-ONE-OPEN's set lookup is claimed by
 * the aggregate through {@code PupilRegister}).
 */
public final class PlacementDecisions {

    /** R-DEFAULT-SPLIT: where a pupil starts when admission names no split. */
    static final int DEFAULT_RESOURCE_BASE_PERCENT = 50;
    static final int DEFAULT_SEN_UNIT_PERCENT = 20;
    /** R-SPLIT-RB: the integration band of a Resource Base starts here. */
    static final int INTEGRATION_BAND = 50;

    private PlacementDecisions() {
    }

    public static PupilReferred refer(ReferPupil c, PupilId pupilId, SealedPupil pupil, String sealedNote,
                                      LocalDate today) {
        require(!c.referredOn().isAfter(today), Rule.DATE_ORDER, "a referral date cannot be in the future");
        return new PupilReferred(c.placementId(), pupilId, pupil, c.yearGroup(), c.primaryNeed(),
                Set.copyOf(c.secondaryNeeds()), c.ehcpStatus(), c.requestedType(), c.homeSchoolUrn().value(),
                c.referredOn(), sealedNote);
    }

    public static PlaceOffered offer(PlacementState s, OfferPlace c, ProvisionProfile provision) {
        requireStatus(s, PlacementStatus.REFERRED, "offer a place");
        requireDateOrder(s, c.offeredOn());
        OfferRules.ofThePlacement(s, provision, c.needOverrideReason()).stream().findFirst().ifPresent(breach -> {
            throw new RuleViolation(breach.rule(), breach.message());
        });
        boolean outsideNeed = OfferRules.outsideNeed(s, provision);
        return new PlaceOffered(s.id(), c.provisionId(), provision.type(), c.offeredOn(), outsideNeed,
                outsideNeed ? c.needOverrideReason().strip() : null, c.overCapacityDecision());
    }

    /**
     * The offer records an over-capacity decision only when the provision needed it (R-CAPACITY): an unused
     * decision is not an over-capacity placement.
     */
    public static PlaceOffered recordCapacityDecision(PlaceOffered offered, boolean overCapacity) {
        if (overCapacity || offered.overCapacityDecision() == null) {
            return offered;
        }
        return new PlaceOffered(offered.placementId(), offered.provisionId(), offered.provisionType(),
                offered.offeredOn(), offered.outsideDesignatedNeed(), offered.needOverrideReason(), null);
    }

    public static OfferDeclined decline(PlacementState s, DeclineOffer c) {
        requireStatus(s, PlacementStatus.OFFERED, "decline the offer");
        requireDateOrder(s, c.on());
        return new OfferDeclined(s.id(), s.provisionId(), c.on(), c.reason());
    }

    public static OfferWithdrawn withdrawOffer(PlacementState s, WithdrawOffer c) {
        requireStatus(s, PlacementStatus.OFFERED, "withdraw the offer");
        requireDateOrder(s, c.on());
        return new OfferWithdrawn(s.id(), s.provisionId(), c.on(), c.reason());
    }

    public static PupilAdmitted admit(PlacementState s, AdmitPupil c) {
        requireStatus(s, PlacementStatus.OFFERED, "admit");
        requireDateOrder(s, c.admittedOn());
        boolean defaulted = c.mainstreamPercent() == null;
        int percent = defaulted ? defaultSplit(s.provisionType()) : c.mainstreamPercent();
        requireSplit(s.provisionType(), percent, c.reason());
        return new PupilAdmitted(s.id(), s.provisionId(), c.admittedOn(), percent, defaulted, blankToNull(c.reason()),
                belowIntegrationBand(s.provisionType(), percent));
    }

    /** Empty when the split does not change: R-INTEGRATION-FIRST records nothing for the same value. */
    public static Optional<TimeSplitChanged> changeTimeSplit(PlacementState s, ChangeTimeSplit c) {
        requireStatus(s, PlacementStatus.ADMITTED, "change the time split");
        requireDateOrder(s, c.effectiveFrom());
        int previous = s.mainstreamPercent();
        if (c.mainstreamPercent() == previous) {
            return Optional.empty();
        }
        requireSplit(s.provisionType(), c.mainstreamPercent(), c.reason());
        require(c.mainstreamPercent() > previous || !isBlank(c.reason()), Rule.INTEGRATION_FIRST,
                "a reduction of mainstream time (" + previous + "% to " + c.mainstreamPercent()
                        + "%) needs a reason");
        String reason = blankToNull(c.reason());
        return Optional.of(new TimeSplitChanged(s.id(), s.provisionId(), previous, c.mainstreamPercent(),
                c.effectiveFrom(), reason == null ? null : new SplitChangeReason(
                c.reasonCategory() == null ? SplitChangeCategory.UNSPECIFIED : c.reasonCategory(), reason),
                belowIntegrationBand(s.provisionType(), c.mainstreamPercent())));
    }

    public static MovedToMainstream moveToMainstream(PlacementState s, MoveToMainstream c, String sealedNote) {
        requireStatus(s, PlacementStatus.ADMITTED, "move to mainstream");
        requireDateOrder(s, c.effectiveFrom());
        return new MovedToMainstream(s.id(), s.provisionId(), c.effectiveFrom(), sealedNote);
    }

    public static PlacementEnded end(PlacementState s, EndPlacement c, String sealedNote) {
        requireStatus(s, PlacementStatus.ADMITTED, "end the placement");
        requireDateOrder(s, c.effectiveFrom());
        require(c.reason() != null, Rule.END_REASON, "ending a placement names a reason");
        require(c.reason() != EndReason.OTHER || !isBlank(c.note()), Rule.END_REASON,
                "the reason OTHER needs a note");
        return new PlacementEnded(s.id(), s.provisionId(), c.effectiveFrom(), c.reason(), sealedNote);
    }

    public static ReferralWithdrawn withdrawReferral(PlacementState s, WithdrawReferral c) {
        requireStatus(s, PlacementStatus.REFERRED, "withdraw the referral");
        requireDateOrder(s, c.on());
        return new ReferralWithdrawn(s.id(), c.on(), c.reason());
    }

    /** R-DEFAULT-SPLIT */
    static int defaultSplit(ProvisionType type) {
        return type == ProvisionType.SEN_UNIT ? DEFAULT_SEN_UNIT_PERCENT : DEFAULT_RESOURCE_BASE_PERCENT;
    }

    /** R-SPLIT-RB and R-SPLIT-UNIT, at admission and at every change. */
    private static void requireSplit(ProvisionType type, int percent, String reason) {
        if (type == ProvisionType.SEN_UNIT) {
            require(percent >= 0 && percent < INTEGRATION_BAND, Rule.SPLIT_UNIT,
                    "a SEN Unit pupil spends 0 to 49% in mainstream; at " + percent
                            + "% the pupil belongs in a Resource Base or mainstream");
        } else {
            require(percent >= 1 && percent <= 99, Rule.SPLIT_RB,
                    "a Resource Base split is 1 to 99% mainstream; 100% is a move to mainstream");
            require(percent >= INTEGRATION_BAND || !isBlank(reason), Rule.SPLIT_RB,
                    "a Resource Base split below 50% mainstream needs a reason");
        }
    }

    private static boolean belowIntegrationBand(ProvisionType type, int percent) {
        return type == ProvisionType.RESOURCE_BASE && percent < INTEGRATION_BAND;
    }

    /** R-STATE: the lifecycle allows each command in one state only. */
    private static void requireStatus(PlacementState s, PlacementStatus allowed, String action) {
        require(s.status() == allowed, Rule.STATE,
                "cannot " + action + " when the placement is " + s.status()
                        + (s.status().isTerminal() ? " (a terminal state)" : ""));
    }

    /** R-DATE-ORDER: business dates never go backwards within a placement. */
    private static void requireDateOrder(PlacementState s, LocalDate date) {
        require(!date.isBefore(s.lastBusinessDate()), Rule.DATE_ORDER,
                date + " is before the placement's previous date " + s.lastBusinessDate());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
