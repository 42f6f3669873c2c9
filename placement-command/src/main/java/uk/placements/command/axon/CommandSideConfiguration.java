package uk.placements.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.placement.domain.ProvisionPlaces;
import uk.placements.command.provision.domain.Provision;
import uk.placements.command.provision.domain.RepositoryProvisionPlaces;
import uk.placements.command.pupil.JdbcPupilStore;
import uk.placements.edge.h2.H2Housekeeping;
import uk.placements.edge.h2.SyncEveryCommand;
import uk.placements.edge.schema.SchemaPart;
import uk.placements.shared.pupil.KeyEncryptionKey;

import java.time.Clock;

/** The command side's own beans: the ports the aggregates are handed, and the idempotency interceptor. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    public SchemaPart commandSchema() {
        return new SchemaPart("command", 1);
    }

    @Bean
    public JdbcPupilStore pupilStore(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock) {
        return new JdbcPupilStore(jdbc, kek, clock);
    }

    @Bean
    public ProvisionPlaces provisionPlaces(Repository<Provision> provisionRepository) {
        return new RepositoryProvisionPlaces(provisionRepository);
    }

    @Bean
    public IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    /** Chains every appended event to the one before it (tamper evidence for auditors). */
    @Bean
    public HashChain hashChain(@Qualifier("eventSerializer") Serializer eventSerializer, EventStore eventStore) {
        HashChain chain = new HashChain(eventSerializer, eventStore);
        eventStore.registerDispatchInterceptor(chain);
        return chain;
    }

    /**
     * Under Axon Server the local command bus is a {@link RefusingCommandBus}, built as Axon's auto-configuration
     * builds its own: through Axon Server a refusal returns only as message and details, so it travels as a
     * {@link Refusal}, whether the handler refused or the event store did when the unit of work committed.
     */
    @Bean
    @Qualifier("localSegment")
    @Profile("axonserver")
    public SimpleCommandBus localSegment(TransactionManager transactions,
                                         org.axonframework.config.Configuration axon,
                                         DuplicateCommandHandlerResolver duplicates) {
        SimpleCommandBus bus = new RefusingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** On an H2 file, {@code placements.h2.sync-every-command=true} forces the file to disk before each answer. */
    @Bean
    @ConditionalOnProperty(name = "placements.h2.sync-every-command", havingValue = "true")
    public SyncEveryCommand syncEveryCommand(H2Housekeeping housekeeping) {
        return new SyncEveryCommand(housekeeping);
    }

    /** Axon's auto-configuration registers every handler interceptor bean on the command bus. */
    @Bean
    public IdempotencyInterceptor idempotencyInterceptor(IdempotencyStore store) {
        return new IdempotencyInterceptor(store);
    }
}
