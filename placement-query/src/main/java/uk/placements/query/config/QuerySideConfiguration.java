package uk.placements.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.edge.schema.SchemaPart;
import uk.placements.query.ReadModelChanges;
import uk.placements.query.capacity.ByProvision;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.dashboard.DashboardCache;
import uk.placements.query.dashboard.LiveCapacity;

/** The read side's defaults (processors, segments, batch sizes) and its share of the schema. */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {

    /**
     * A projection that fails on an event must not skip it: the error propagates, the processor rolls the batch
     * back and retries it with back-off, and the read model never silently misses an event.
     */
    @Bean
    public ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * The capacity ledger changes a provision's rows from placement and provision events alike: they are handled in
     * the provision's sequence ({@link ByProvision}), not the placement's.
     */
    @Bean
    public ConfigurerModule capacityLedgerSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy(CapacityLedgerProjection.NAME, config -> new ByProvision()));
    }

    /**
     * The processors of the read models the dashboards keep answers from count the batches that change their rows
     * ({@link ReadModelChanges}), in the batches' own transactions.
     */
    @Bean
    public ConfigurerModule countReadModelChanges(JdbcTemplate jdbc) {
        ReadModelChanges changes = new ReadModelChanges(jdbc);
        return configurer -> configurer.eventProcessing(processing -> DashboardCache.READ_MODELS.forEach(group ->
                processing.registerHandlerInterceptor(group, config -> changes.counting(group))));
    }

    @Bean
    public SchemaPart querySchema() {
        return new SchemaPart("query", 2);
    }

    /** On PostgreSQL the reporting role exists, or this service's user may create it, before the query schema migrates. */
    @Bean
    public ReportingRole reportingRole() {
        return new ReportingRole();
    }

    /**
     * The live capacity stream tells subscribers about changes from now on: its processor starts at the head of the
     * event stream, never at its tail, so a new database or a reset does not replay history to nobody.
     */
    @Bean
    public ConfigurerModule liveCapacityProcessor() {
        // Its tokens in memory, not in TokenEntry: every query instance runs it whole for its own subscribers
        // (shared tokens would hand its one segment to a single instance, and the others' streams would fall silent).
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(LiveCapacity.NAME, config -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(
                LiveCapacity.NAME, org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
