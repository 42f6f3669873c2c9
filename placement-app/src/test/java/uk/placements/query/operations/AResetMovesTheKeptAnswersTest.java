package uk.placements.query.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.placements.app.AppTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.dashboard.DashboardQueries;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.ProvisionCapacity;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard's kept answer is keyed on its read models' change counters alone (DashboardCache), so whatever
 * clears a read model's rows for a replay moves its counter in the same transaction. Here the clearing of a read model
 * a rebuild left half-written, with its processor stopped so that nothing is replayed yet: the next read is computed
 * afresh from the cleared rows, not handed the answer kept from the old ones.
 */
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:reset-moves-kept-answers;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
class AResetMovesTheKeptAnswersTest extends AppTest {

    private static final String LEDGER = CapacityLedgerProjection.NAME;

    @Autowired
    private DashboardQueries dashboards;
    @Autowired
    private Clock clock;
    @Autowired
    private HalfWrittenReadModels halfWritten;
    @Autowired
    private ProcessorControl control;

    @Test
    void clearingAReadModelForAReplayHandsOutNoAnswerKeptFromItsOldRows() {
        String provision = api.commission(Api.newProvisionId("RESET"), "SEN_UNIT", 3);
        eventually(() -> row(capacity(), provision) != null
                && row(capacity(), provision).figures().commissioned() == 3);
        CapacityDashboard kept = capacity();
        assertThat(capacity()).as("kept while nothing changes").isSameAs(kept);
        long changes = changes();

        control.stop(LEDGER);
        try {
            String gone = "rebuilder-that-died/0";
            jdbc.update("INSERT INTO read_model_rebuild (processing_group, instance_id, started_at) VALUES (?, ?, 0)",
                    LEDGER, gone);
            halfWritten.recover(LEDGER, gone, "a test clears it");

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_capacity_ledger", Long.class)).isZero();
            assertThat(changes()).as("the ledger's change counter").isGreaterThan(changes);
            CapacityDashboard cleared = capacity();
            assertThat(cleared).as("computed afresh from the cleared rows").isNotSameAs(kept);
            ProvisionCapacity clearedRow = row(cleared, provision);
            assertThat(clearedRow == null ? 0 : clearedRow.figures().commissioned()).isZero();
        } finally {
            control.start(LEDGER);
        }
        // replayed from the start, the ledger answers as before
        eventually(() -> row(capacity(), provision) != null
                && row(capacity(), provision).equals(row(kept, provision)));
    }

    private long changes() {
        return jdbc.queryForObject("SELECT changes FROM read_model_change WHERE processing_group = ?", Long.class,
                LEDGER);
    }

    private CapacityDashboard capacity() {
        return dashboards.handle(new GetCapacity(LocalDate.now(clock)));
    }

    private static ProvisionCapacity row(CapacityDashboard dashboard, String provision) {
        return dashboard.provisions().stream().filter(p -> p.provisionId().equals(provision)).findFirst()
                .orElse(null);
    }
}
