package uk.placements.query.operations;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How query instances share the read models' processors through the token store (see placement-query.properties):
 * each claims its {@link SegmentShare fair share} of every group's segments, renews its claims every
 * {@code placements.operations.claim-extension} (1 s) while idle (and with every batch), and takes over the
 * segments of an instance whose claims have gone unrenewed for {@code axon.eventhandling.tokenstore.claim-timeout}
 * (5 s), trying every {@code token-claim-interval} (1 s). Failover therefore takes about the claim timeout plus up
 * to one claim interval. Axon's defaults (10 s, 5 s renewal, 5 s interval) would take up to 15 s.
 */
@Configuration(proxyBeanMethods = false)
public class SharedProcessingConfiguration {

    /** Axon's JDBC token store, as Spring Boot would make it, but owning claims under this instance's own id. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, QueryInstances instances) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(instances.liveness())
                .nodeId(instances.id())
                .build();
    }

    /** The token store's identity exists before the processors start, even when several services start at once. */
    @Bean
    public StorageIdentifier storageIdentifier(TokenStore tokenStore) {
        return new StorageIdentifier(tokenStore);
    }

    @Bean
    public SegmentShare segmentShare() {
        return new SegmentShare();
    }

    /**
     * Renewal must come well within the claim timeout, or idle instances would lose their segments to each other.
     * The processors read the event store through {@link WakingEventSource}, which wakes them when events arrive.
     */
    @Bean
    public ConfigurerModule sharedSegments(ReadModels readModels, SegmentShare share,
                                           @Value("${placements.operations.claim-extension:PT1S}") Duration renewal,
                                           @Value("${placements.projections.wake-pause:PT0S}") Duration wakePause) {
        return configurer -> {
            AtomicReference<WakingEventSource> waking = new AtomicReference<>();
            configurer.eventProcessing(processing -> readModels.all().forEach(model ->
                    processing.registerPooledStreamingEventProcessorConfiguration(model.name(), (config, builder) ->
                            builder.maxSegmentProvider(share).claimExtensionThreshold(renewal.toMillis())
                                    .messageSource(waking.updateAndGet(existing -> existing != null ? existing
                                            : new WakingEventSource(config.eventStore(), wakePause))))));
            configurer.onShutdown(() -> {
                WakingEventSource source = waking.get();
                if (source != null) {
                    source.stop();
                }
            });
        };
    }
}
