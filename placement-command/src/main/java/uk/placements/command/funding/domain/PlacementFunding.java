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
import uk.placements.shared.funding.FundingState;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.event.FundingEvent;

import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/**
 * One placement's funding: which top-up is paid from which day. Its own aggregate beside the placement (stream
 * {@code funding-<placement id>}), so the placement's lifecycle and its folds stay as they are; the placement is
 * looked up, not changed ({@link FundingFacts}). Its first assignment creates it.
 */
@Aggregate
public class PlacementFunding {

    @AggregateIdentifier
    private String id;
    private FundingState state = FundingState.NONE;

    public PlacementFunding() {
        // for Axon, which also creates a placement's funding this way on its first assignment
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AssignTopUp command, FundingFacts facts,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        PlacementPeriod placement = facts.placement(command.placementId());
        if (!placement.exists()) {
            throw new AggregateNotFoundException(command.placementId().value(), "no placement with this id");
        }
        FundingDecisions.assign(state, command, placement, facts.tariff()).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @EventSourcingHandler
    void on(FundingEvent event) {
        state = state.evolve(event);
        id = FundingStreams.fundingOf(state.placementId());
    }
}
