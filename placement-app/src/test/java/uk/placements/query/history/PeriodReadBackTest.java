package uk.placements.query.history;

import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import uk.placements.command.axon.EventSamples;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PupilReferred;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placement's next event in a later batch, on an instance that has not seen its earlier events (another instance
 * handled them, or this one restarted): the history reads the placement's last period back from its table, by
 * column name, and goes on from it.
 */
class PeriodReadBackTest {

    @Test
    void aPeriodWrittenByAnEarlierBatchIsReadBackByNameAndCarriedForward() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:period-read-back;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query/common/V100__read_models.sql"));
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PupilReferred referred = EventSamples.sample(PupilReferred.class);
        PlaceOffered offered = EventSamples.sample(PlaceOffered.class);

        inABatch(() -> new PlacementHistoryProjection(jdbc).on(referred, 0, ReplayStatus.REGULAR));
        // a projection that has cached nothing, as on another instance
        inABatch(() -> new PlacementHistoryProjection(jdbc).on(offered, 1, ReplayStatus.REGULAR));

        List<Map<String, Object>> periods = jdbc.queryForList(
                "SELECT seq, status, year_group, primary_need, referred_on, valid_to FROM rm_placement_period "
                        + "WHERE placement_id = ? ORDER BY seq", referred.placementId().value());
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("VALID_TO").toString()).isEqualTo(offered.offeredOn().toString());
        assertThat(periods.get(1).get("STATUS")).isEqualTo("OFFERED");
        assertThat(periods.get(1).get("YEAR_GROUP")).isEqualTo(referred.yearGroup());
        assertThat(periods.get(1).get("PRIMARY_NEED")).isEqualTo(referred.primaryNeed().name());
        assertThat(periods.get(1).get("REFERRED_ON").toString()).isEqualTo(referred.referredOn().toString());
    }

    private static void inABatch(Runnable handler) {
        DefaultUnitOfWork.startAndGet(null).execute(handler);
    }
}
