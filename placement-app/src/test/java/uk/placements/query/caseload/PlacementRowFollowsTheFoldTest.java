package uk.placements.query.caseload;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import uk.placements.command.axon.EventSamples;
import uk.placements.query.RowWrites;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.TimeSplitChanged;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload's row takes what an event does to a placement from the shared fold ({@link PlacementState#evolve}):
 * for every event of the sealed family, and for a row read back from its table by an instance that has cached
 * nothing, which folds on from the same state as the one that wrote it.
 */
class PlacementRowFollowsTheFoldTest {

    @ParameterizedTest(name = "{0}: the row's columns are the fold's")
    @MethodSource("uk.placements.query.history.EveryEventReachesEveryFoldTest#placementEvents")
    void everyEventChangesTheRowAsTheFoldChangesThePlacement(Class<?> type) {
        PupilReferred referred = EventSamples.sample(PupilReferred.class);
        PlacementEvent event = (PlacementEvent) EventSamples.sample(type);
        PlacementState before = PlacementState.NONE.evolve(referred);
        PlacementState after = before.evolve(event);

        PlacementRow row = referredRow(referred);
        row.evolve(event);

        assertThat(row.state).isEqualTo(after);
        assertThat(row.status).isEqualTo(after.status().name());
        assertThat(row.provisionId).isEqualTo(after.provisionId() == null ? null : after.provisionId().value());
        assertThat(row.provisionType).isEqualTo(after.provisionType() == null ? null : after.provisionType().name());
        assertThat(row.outsideDesignatedNeed).isEqualTo(after.outsideDesignatedNeed());
        assertThat(row.mainstreamPercent).isEqualTo(PlacementState.splitInProvision(before, after));
    }

    @Test
    void aRowReadBackFromItsTableFoldsOnFromTheStateThatWroteIt() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:caseload-read-back;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query/common/V100__read_models.sql"));
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PupilReferred referred = EventSamples.sample(PupilReferred.class);
        PlacementRow written = referredRow(referred);
        written.evolve(EventSamples.sample(PupilAdmitted.class));
        written.version = 1;
        new RowWrites(jdbc).batchUpdate(PlacementRow.INSERT, List.of(written));

        PlacementRow readBack = jdbc.query(PlacementRow.SELECT_CHANGING, rs -> rs.next() ? PlacementRow.read(rs) : null,
                referred.placementId().value());
        TimeSplitChanged changed = EventSamples.sample(TimeSplitChanged.class);
        written.evolve(changed);
        readBack.evolve(changed);

        assertThat(readBack.state).isEqualTo(written.state);
        assertThat(readBack.status).isEqualTo("ADMITTED");
        assertThat(readBack.mainstreamPercent).isEqualTo(changed.mainstreamPercent());
    }

    private static PlacementRow referredRow(PupilReferred referred) {
        PlacementRow row = new PlacementRow(referred.placementId().value(), referred.pupilId().value());
        row.evolve(referred);
        row.secondaryNeeds = "";
        row.homeSchoolUrn = "123456";
        row.lastRecordedAt = Timestamp.from(Instant.parse("2026-11-22T10:00:00Z"));
        return row;
    }
}
