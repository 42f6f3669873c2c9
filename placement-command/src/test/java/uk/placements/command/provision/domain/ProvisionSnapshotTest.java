package uk.placements.command.provision.domain;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CommissionProvision;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A provision whose stream outgrows the snapshot threshold is snapshotted, and a provision loaded from its snapshot
 * still knows which placements hold its places (R-CAPACITY holds across the snapshot).
 */
@SpringBootTest(classes = PlacementCommandApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:provision-snapshots;DB_CLOSE_DELAY=-1",
        "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "placements.snapshots.provision-threshold=5"})
class ProvisionSnapshotTest {

    private static final ProvisionId PROVISION = new ProvisionId("RB-SNAP-01");
    private static final LocalDate ON = LocalDate.of(2025, 9, 1);

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Repository<Provision> provisions;
    @Autowired
    private TransactionManager transactions;

    /** As an offer reaches the provision: in a unit of work of its own, through the repository. */
    private boolean reserve(ReservePlace request) {
        return inUnitOfWork(() -> new RepositoryProvisionPlaces(provisions).reserve(request));
    }

    private void release(ReleasePlace request) {
        inUnitOfWork(() -> {
            new RepositoryProvisionPlaces(provisions).release(request);
            return null;
        });
    }

    private <T> T inUnitOfWork(java.util.concurrent.Callable<T> task) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(task);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    @Test
    void reservingOrReleasingAPlaceIsNoCommandThatAClientOfTheBusCouldSend() {
        assertThatThrownBy(() -> gateway.sendAndWait(new ReservePlace(PROVISION, PlacementId.random(), ON, null)))
                .isInstanceOf(NoHandlerForCommandException.class);
        assertThatThrownBy(() -> gateway.sendAndWait(new ReleasePlace(PROVISION, PlacementId.random(), ON,
                ReleaseCause.OFFER_DECLINED))).isInstanceOf(NoHandlerForCommandException.class);
    }

    @Test
    void aProvisionLoadedFromItsSnapshotStillRefusesAnOfferBeyondItsPlaces() {
        gateway.sendAndWait(new CommissionProvision(PROVISION, "Snapshot Resource Base", ProvisionType.RESOURCE_BASE,
                new HostSchool(new SchoolUrn("123456"), "Northgate Primary"), Phase.PRIMARY, 1, 6,
                Set.of(NeedCode.ASD), 2, ON));
        for (int i = 0; i < 10; i++) {
            PlacementId passing = PlacementId.random();
            reserve(new ReservePlace(PROVISION, passing, ON, null));
            release(new ReleasePlace(PROVISION, passing, ON, ReleaseCause.OFFER_DECLINED));
        }
        reserve(new ReservePlace(PROVISION, PlacementId.random(), ON, null));
        reserve(new ReservePlace(PROVISION, PlacementId.random(), ON, null));

        Long snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, PROVISION.value());
        assertThat(snapshots).isPositive();
        assertThatThrownBy(() -> reserve(new ReservePlace(PROVISION, PlacementId.random(), ON, null)))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.rule())
                        .isEqualTo(Rule.CAPACITY));
    }

    /** The snapshot keeps the places by effective date: a back-dated change is compared with those of its date. */
    @Test
    void aProvisionLoadedFromItsSnapshotStillKnowsThePlacesInForceOnEachDate() {
        ProvisionId provision = new ProvisionId("RB-SNAP-02");
        gateway.sendAndWait(new CommissionProvision(provision, "Snapshot Resource Base", ProvisionType.RESOURCE_BASE,
                new HostSchool(new SchoolUrn("123456"), "Northgate Primary"), Phase.PRIMARY, 1, 6,
                Set.of(NeedCode.ASD), 2, ON));
        gateway.sendAndWait(new ChangeCommissionedPlaces(provision, 4, ON.plusMonths(4), "more demand"));
        for (int i = 0; i < 10; i++) {
            PlacementId passing = PlacementId.random();
            reserve(new ReservePlace(provision, passing, ON, null));
            release(new ReleasePlace(provision, passing, ON, ReleaseCause.OFFER_DECLINED));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, provision.value())).isPositive();

        long unchanged = gateway.sendAndWait(new ChangeCommissionedPlaces(provision, 2, ON.plusMonths(1), null));
        long changed = gateway.sendAndWait(new ChangeCommissionedPlaces(provision, 4, ON.plusMonths(2),
                "the demand came earlier"));

        assertThat(changed).isEqualTo(unchanged + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "AND payloadType LIKE '%CommissionedPlacesChanged'", Long.class, provision.value()))
                .isEqualTo(2);
    }
}
