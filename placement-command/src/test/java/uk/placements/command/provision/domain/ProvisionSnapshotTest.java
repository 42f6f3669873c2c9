package uk.placements.command.provision.domain;

import org.axonframework.commandhandling.gateway.CommandGateway;
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
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.ReleasePlace;
import uk.placements.shared.provision.command.ReservePlace;

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

    @Test
    void aProvisionLoadedFromItsSnapshotStillRefusesAnOfferBeyondItsPlaces() {
        gateway.sendAndWait(new CommissionProvision(PROVISION, "Snapshot Resource Base", ProvisionType.RESOURCE_BASE,
                new HostSchool(new SchoolUrn("123456"), "Northgate Primary"), Phase.PRIMARY, 1, 6,
                Set.of(NeedCode.ASD), 2, ON));
        for (int i = 0; i < 10; i++) {
            PlacementId passing = PlacementId.random();
            gateway.sendAndWait(new ReservePlace(PROVISION, passing, ON, null));
            gateway.sendAndWait(new ReleasePlace(PROVISION, passing, ON, ReleaseCause.OFFER_DECLINED));
        }
        gateway.sendAndWait(new ReservePlace(PROVISION, PlacementId.random(), ON, null));
        gateway.sendAndWait(new ReservePlace(PROVISION, PlacementId.random(), ON, null));

        Long snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, PROVISION.value());
        assertThat(snapshots).isPositive();
        assertThatThrownBy(() -> gateway.sendAndWait(new ReservePlace(PROVISION, PlacementId.random(), ON, null)))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.rule())
                        .isEqualTo(Rule.CAPACITY));
    }
}
