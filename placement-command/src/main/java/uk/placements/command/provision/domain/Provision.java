package uk.placements.command.provision.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;
import uk.placements.shared.provision.command.RecordStaffing;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionEvent;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.ProvisionProfile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/**
 * A provision the authority commissions in a mainstream school, and the places it holds. Offers reserve places
 * here in the same unit of work as the placement's own event, so the provision's event stream serialises the race
 * for the last place. Its stream grows with every offer, so it is snapshotted (see
 * {@code uk.placements.command.axon.ProvisionSnapshots}); the snapshot is this object as JSON, its fields only.
 * Its revision changes with the fields' shape, so that Axon ignores snapshots of another shape and folds the events
 * instead (revision 1: the state keeps the places by effective date, {@code ProvisionState.placesByDate}; revision 2:
 * and the date it opened and its inclusion-base model).
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "provisionSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Provision {

    @AggregateIdentifier
    private ProvisionId id;
    private ProvisionState state = ProvisionState.NONE;

    protected Provision() {
        // for Axon
    }

    @CommandHandler
    public Provision(CommissionProvision command) {
        apply(ProvisionDecisions.commission(command));
    }

    @CommandHandler
    public long handle(ChangeCommissionedPlaces command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        ProvisionDecisions.changePlaces(state, command).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @CommandHandler
    public long handle(RecordStaffing command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(ProvisionDecisions.recordStaffing(state, command));
        return state.version();
    }

    @CommandHandler
    public long handle(RecordBaseModel command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(ProvisionDecisions.recordBaseModel(state, command));
        return state.version();
    }

    @CommandHandler
    public long handle(RecordBaseLead command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(ProvisionDecisions.recordBaseLead(state, command));
        return state.version();
    }

    @CommandHandler
    public long handle(RecordQualifiedTeacherAccess command,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(ProvisionDecisions.recordQualifiedTeacherAccess(state, command));
        return state.version();
    }

    @CommandHandler
    public long handle(CloseProvision command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        apply(ProvisionDecisions.close(state, command));
        return state.version();
    }

    /**
     * Holds a place for an offer; true when it goes beyond commissioned places (under an over-capacity decision).
     * Not a command handler: only an offer reaches it, in its own unit of work ({@link RepositoryProvisionPlaces}).
     */
    public boolean reserve(ReservePlace command) {
        PlaceReserved reserved = ProvisionDecisions.reserve(state, command);
        apply(reserved);
        return reserved.overCapacityDecision() != null;
    }

    /** Frees a held place; not a command handler either (see {@link #reserve}). */
    public void release(ReleasePlace command) {
        ProvisionDecisions.release(state, command).ifPresent(AggregateLifecycle::apply);
    }

    public ProvisionProfile profile() {
        return state.profile();
    }

    @EventSourcingHandler
    void on(ProvisionEvent event) {
        state = state.evolve(event);
        id = state.id();
    }
}
