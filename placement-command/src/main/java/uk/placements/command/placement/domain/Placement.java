package uk.placements.command.placement.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.placements.shared.common.Rule;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.pupil.PupilSealer;
import uk.placements.shared.placement.PlacementState;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/**
 * One pupil's journey with one referral. Command handlers check the version the client saw, ask
 * {@link PlacementDecisions} for the event, and apply it; the single event sourcing handler only folds. Each handler
 * returns the aggregate's version after the command.
 */
@Aggregate
public class Placement {

    @AggregateIdentifier
    private PlacementId id;
    private PlacementState state = PlacementState.NONE;

    protected Placement() {
        // for Axon
    }

    @CommandHandler
    public Placement(ReferPupil command, PupilRegister register, PupilSealer sealer, Clock clock) {
        PupilId pupil = register.identify(command.pupil().upn());
        PupilReferred referred = PlacementDecisions.refer(command, pupil, sealer.seal(pupil, command.pupil()),
                sealer.sealNote(pupil, command.note()), LocalDate.now(clock));
        RuleViolation.require(register.claimOpenPlacement(pupil, command.placementId()), Rule.ONE_OPEN,
                "the pupil already has an open placement");
        apply(referred);
    }

    @CommandHandler
    public long handle(OfferPlace command, ProvisionPlaces places,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        PlaceOffered offered = PlacementDecisions.offer(state, command, places.profile(command.provisionId()));
        boolean overCapacity = places.reserve(new ReservePlace(command.provisionId(), id, command.offeredOn(),
                command.overCapacityDecision()));
        apply(PlacementDecisions.recordCapacityDecision(offered, overCapacity));
        return state.version();
    }

    @CommandHandler
    public long handle(DeclineOffer command, ProvisionPlaces places,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        OfferDeclined declined = PlacementDecisions.decline(state, command);
        apply(declined);
        places.release(new ReleasePlace(declined.provisionId(), id, command.on(), ReleaseCause.OFFER_DECLINED));
        return state.version();
    }

    @CommandHandler
    public long handle(WithdrawOffer command, ProvisionPlaces places,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        OfferWithdrawn withdrawn = PlacementDecisions.withdrawOffer(state, command);
        apply(withdrawn);
        places.release(new ReleasePlace(withdrawn.provisionId(), id, command.on(), ReleaseCause.OFFER_WITHDRAWN));
        return state.version();
    }

    @CommandHandler
    public long handle(AdmitPupil command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(PlacementDecisions.admit(state, command));
        return state.version();
    }

    @CommandHandler
    public long handle(ChangeTimeSplit command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        PlacementDecisions.changeTimeSplit(state, command).ifPresent(changed -> apply(changed));
        return state.version();
    }

    @CommandHandler
    public long handle(MoveToMainstream command, ProvisionPlaces places, PupilRegister register, PupilSealer sealer,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(PlacementDecisions.moveToMainstream(state, command, sealer.sealNote(state.pupilId(), command.note())));
        places.release(new ReleasePlace(state.provisionId(), id, command.effectiveFrom(),
                ReleaseCause.MOVED_TO_MAINSTREAM));
        register.releaseOpenPlacement(state.pupilId(), id);
        return state.version();
    }

    @CommandHandler
    public long handle(EndPlacement command, ProvisionPlaces places, PupilRegister register, PupilSealer sealer,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(PlacementDecisions.end(state, command, sealer.sealNote(state.pupilId(), command.note())));
        places.release(new ReleasePlace(state.provisionId(), id, command.effectiveFrom(),
                ReleaseCause.PLACEMENT_ENDED));
        register.releaseOpenPlacement(state.pupilId(), id);
        return state.version();
    }

    @CommandHandler
    public long handle(WithdrawReferral command, PupilRegister register,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(PlacementDecisions.withdrawReferral(state, command));
        register.releaseOpenPlacement(state.pupilId(), id);
        return state.version();
    }

    @EventSourcingHandler
    void on(PlacementEvent event) {
        state = state.evolve(event);
        id = state.id();
    }
}
