package uk.placements.command.funding.domain;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.ProvisionCommissioned;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A place-change return looks its provision up in the event store. A provision with a long history has a snapshot
 * (every few hundred events); the lookup must still find the provision and its places, which the snapshot of the
 * aggregate does not hold in the form the places fold needs. Found by the benchmark's fixed authority, whose
 * provisions live for years: every return for a snapshotted provision was refused as "no provision with this id".
 */
class EventStorePlaceChangeFactsTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final ProvisionId provision = new ProvisionId("RB-LONG");

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void aProvisionWithASnapshotIsFoundWithItsPlaces() {
        LocalDate opened = LocalDate.of(2020, 9, 1);
        append(0, new ProvisionCommissioned(provision, "Long-lived base", ProvisionType.RESOURCE_BASE,
                new HostSchool(new SchoolUrn("100001"), "Host School"), Phase.PRIMARY, 1, 6, Set.of(NeedCode.ASD), 8,
                opened));
        append(1, new CommissionedPlacesChanged(provision, 8, 10, 0, LocalDate.of(2022, 9, 1), "more demand"));
        // the aggregate's snapshot after event 1 (its payload is the aggregate, not an event the fold knows)
        events.storeSnapshot(new GenericDomainEventMessage<>("Provision", provision.value(), 1, "a snapshot"));
        append(2, new CommissionedPlacesChanged(provision, 10, 12, 0, LocalDate.of(2024, 9, 1), "more demand"));

        ProvisionPlaces places = new EventStorePlaceChangeFacts(events).provision(provision);

        assertThat(places.exists()).isTrue();
        assertThat(places.placesOn(LocalDate.of(2021, 9, 1))).isEqualTo(8);
        assertThat(places.placesOn(LocalDate.of(2023, 9, 1))).isEqualTo(10);
        assertThat(places.placesOn(LocalDate.of(2025, 9, 1))).isEqualTo(12);
        assertThat(new EventStorePlaceChangeFacts(events).provision(new ProvisionId("RB-NONE")).exists()).isFalse();
    }

    private void append(long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Provision", provision.value(), sequence, event));
    }
}
