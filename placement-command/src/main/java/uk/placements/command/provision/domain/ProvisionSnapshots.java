package uk.placements.command.provision.domain;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of {@link Provision}. Every offer reserves a place in the provision's stream and every decline, end or
 * move releases one, so a provision's stream grows with its caseload for as long as it is open: without snapshots
 * each offer would replay years of reservations. A snapshot holds the folded state (places held by placement id,
 * no personal data) and is written after a command that had to replay {@code threshold} events or more.
 */
@Configuration(proxyBeanMethods = false)
public class ProvisionSnapshots {

    /** The bean name {@link Provision}'s {@code @Aggregate} refers to. */
    public static final String TRIGGER = "provisionSnapshotTrigger";

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition provisionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${placements.snapshots.provision-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
