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
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.funding.event.TariffEvent;

import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/**
 * The authority's one tariff (stream {@value FundingStreams#TARIFF}): place rates, band values and provisions' own
 * top-up rates, each dated by its year. Its first command creates it. The rules are {@link TariffDecisions}.
 */
@Aggregate
public class Tariff {

    @AggregateIdentifier
    private String id = FundingStreams.TARIFF;
    private TariffState state = TariffState.NONE;

    public Tariff() {
        // for Axon, which also creates the tariff this way on its first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetPlaceRate command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        TariffDecisions.setPlaceRate(state, command).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetBandValue command, @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        TariffDecisions.setBandValue(state, command).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetProvisionTopUpRate command, FundingFacts facts,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        VersionConflict.check(expectedVersion, state.version());
        if (command.provisionId() != null && !facts.provisionExists(command.provisionId())) {
            throw new AggregateNotFoundException(command.provisionId().value(), "no provision with this id");
        }
        TariffDecisions.setProvisionRate(state, command).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    @EventSourcingHandler
    void on(TariffEvent event) {
        state = state.evolve(event);
    }
}
