package uk.placements.command.funding.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.PlaceChangeState;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.event.PlaceChangeEvent;

import java.time.Clock;
import java.time.LocalDate;

import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/**
 * A provision's place-change return for one academic year (stream {@code place-change-<provision id>-<year>}): its
 * own small aggregate beside the provision, so the provision's events and folds stay as they are; the provision is
 * looked up ({@link PlaceChangeFacts}), not changed. Its first return creates it; later ones are corrections. The
 * rules are {@link PlaceChangeDecisions}; "today" is the service's clock.
 */
@Aggregate
public class PlaceChangeReturn {

    @AggregateIdentifier
    private String id;
    private PlaceChangeState state = PlaceChangeState.NONE;

    public PlaceChangeReturn() {
        // for Axon, which also creates a return this way on its first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordPlaceChange command, PlaceChangeFacts facts, Clock clock,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        ProvisionPlaces provision = facts.provision(command.provisionId());
        if (!provision.exists()) {
            throw new AggregateNotFoundException(command.provisionId().value(), "no provision with this id");
        }
        PlaceChangeDecisions.record(state, command, provision, LocalDate.now(clock))
                .ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @EventSourcingHandler
    void on(PlaceChangeEvent event) {
        state = state.evolve(event);
        id = FundingStreams.placeChangeOf(event.provisionId(), event.academicYear());
    }
}
