package uk.placements.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import uk.placements.command.provision.domain.Provision;
import uk.placements.command.provision.domain.RepositoryProvisionPlaces;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * A provision open for years: every offer reserves a place in its stream and every decline, end or move releases
 * one, so its history grows with the caseload. Builds such a provision through its real commands (reserve and
 * release pairs reached as offers reach them, batched into transactions as the bulk load does) and times loading it: through the product's
 * repository (snapshot plus the events after it), and from the full history (every event read, deserialised and
 * folded by the same pure fold the aggregate uses), which is what loading costs without snapshots.
 */
final class ProvisionHistory {

    private static final int SAMPLES = 31;
    private static final ProvisionId PROVISION = new ProvisionId("RB-BENCH-LONG");

    /** Load times in milliseconds (medians). */
    record Result(int shortHistory, double shortWithSnapshots, int events, double withSnapshots,
                  double withoutSnapshots, long latestSnapshot) {
    }

    private ProvisionHistory() {
    }

    @SuppressWarnings("unchecked")
    static Result measure(Product product, int events) {
        CommandGateway gateway = product.gateway();
        LocalDate on = LocalDate.now().minusDays(1);
        BulkLoad.send(gateway, new CommissionProvision(PROVISION, "Long-running Resource Base",
                ProvisionType.RESOURCE_BASE, new HostSchool(new SchoolUrn("123456"), "Northgate Primary"),
                Phase.PRIMARY, 1, 6, Set.of(NeedCode.ASD), 2, on.minusYears(3)), BulkLoad.USER);
        Repository<Provision> repository = product.bean("provisionRepository", Repository.class);
        EventStore store = product.bean(EventStore.class);
        int shortHistory = Math.min(1_000, events / 2);
        grow(product, on, shortHistory);
        double shortWith = median(() -> loadThroughRepository(repository));
        grow(product, on, events);
        double with = median(() -> loadThroughRepository(repository));
        double without = median(() -> foldFullHistory(store));
        // The JDBC engine keeps only the latest snapshot of an aggregate: its sequence shows the trigger at work.
        Long latest = product.jdbc().queryForObject("SELECT MAX(sequenceNumber) FROM SnapshotEventEntry"
                + " WHERE aggregateIdentifier = ?", Long.class, PROVISION.value());
        return new Result(shortHistory, shortWith, events, with, without, latest == null ? -1 : latest);
    }

    /**
     * Reserve and release pairs until the provision's stream holds {@code events} events, each reached as an offer
     * reaches it (reserving is no command on the bus): in a unit of work of its own, through the repository.
     */
    @SuppressWarnings("unchecked")
    private static void grow(Product product, LocalDate on, int events) {
        RepositoryProvisionPlaces places = new RepositoryProvisionPlaces(
                product.bean("provisionRepository", Repository.class));
        long have = version(product) + 1;
        while (have < events) {
            int pairs = (int) Math.min(200, (events - have + 1) / 2);
            product.transactions().executeWithoutResult(status -> {
                for (int i = 0; i < pairs; i++) {
                    PlacementId placement = PlacementId.random();
                    ReservePlace reserve = new ReservePlace(PROVISION, placement, on, null);
                    asAnOffer(reserve, () -> places.reserve(reserve));
                    ReleasePlace release = new ReleasePlace(PROVISION, placement, on, ReleaseCause.OFFER_DECLINED);
                    asAnOffer(release, () -> {
                        places.release(release);
                        return null;
                    });
                }
            });
            have = version(product) + 1;
        }
    }

    private static void asAnOffer(Object request, java.util.concurrent.Callable<?> task) {
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(request)
                .andMetaData(MetaData.from(Map.of(USER_ID, BulkLoad.USER, CORRELATION_ID,
                        UUID.randomUUID().toString())))).executeWithResult(task);
        if (result.isExceptional()) {
            throw new IllegalStateException("could not grow the provision's history", result.exceptionResult());
        }
    }

    private static long version(Product product) {
        Long max = product.jdbc().queryForObject(
                "SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                PROVISION.value());
        return max == null ? -1 : max;
    }

    private static void loadThroughRepository(Repository<Provision> repository) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> repository.load(PROVISION.value()).invoke(Provision::profile));
    }

    private static void foldFullHistory(EventStore store) {
        DomainEventStream stream = store.readEvents(PROVISION.value(), 0);
        List<ProvisionEvent> history = new ArrayList<>();
        stream.forEachRemaining(event -> history.add((ProvisionEvent) event.getPayload()));
        if (ProvisionState.fold(history).id() == null) {
            throw new IllegalStateException("the provision's history folded to nothing");
        }
    }

    private static double median(Runnable load) {
        load.run();
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            load.run();
            took.add(System.nanoTime() - start);
        }
        took.sort(Long::compare);
        return took.get(SAMPLES / 2) / 1e6;
    }
}
