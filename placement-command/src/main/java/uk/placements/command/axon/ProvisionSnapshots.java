package uk.placements.command.axon;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.placements.command.provision.domain.Provision;

/**
 * Snapshots of {@link Provision}. Every offer reserves a place in the provision's stream and every decline, end or
 * move releases one, so a provision's stream grows with its caseload for as long as it is open: without snapshots
 * each offer would replay years of reservations. A snapshot holds the folded state (places held by placement id,
 * no personal data) and is written after a command that had to replay {@code threshold} events or more.
 */
@Configuration(proxyBeanMethods = false)
public class ProvisionSnapshots {

    /** {@link Provision}'s {@code @Aggregate} names this bean (the domain package knows no Spring). */
    @Bean("provisionSnapshotTrigger")
    public SnapshotTriggerDefinition provisionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${placements.snapshots.provision-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
