package uk.placements.query.provision;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import uk.placements.command.axon.EventSamples;
import uk.placements.query.RowWrites;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.event.BaseModelRecorded;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisions read model's row takes what an event does to a provision from the shared fold ({@link
 * ProvisionState#evolve}, the aggregate's): for every event of the sealed family, and for a row read back from its
 * table by an instance that has nothing of it in memory, which folds on from the same state as the one that wrote it.
 */
class ProvisionRowFollowsTheFoldTest {

    @ParameterizedTest(name = "{0}: the row's columns are the fold's")
    @MethodSource("uk.placements.query.history.EveryEventReachesEveryFoldTest#provisionEvents")
    void everyEventChangesTheRowAsTheFoldChangesTheProvision(Class<?> type) {
        ProvisionCommissioned commissioned = EventSamples.sample(ProvisionCommissioned.class);
        ProvisionEvent event = (ProvisionEvent) EventSamples.sample(type);
        ProvisionState after = ProvisionState.NONE.evolve(commissioned).evolve(event);

        ProvisionRow row = commissionedRow(commissioned);
        row.evolve(event);

        assertThat(row.state).isEqualTo(after);
        assertColumnsAreTheFolds(row, after);
    }

    @Test
    void aClosedProvisionReadsClosedAndAChangeOfPlacesReadsItsPlaces() {
        ProvisionCommissioned commissioned = EventSamples.sample(ProvisionCommissioned.class);
        CommissionedPlacesChanged changed = EventSamples.sample(CommissionedPlacesChanged.class);
        ProvisionRow row = commissionedRow(commissioned);
        assertThat(row.status).isEqualTo("OPEN");
        assertThat(row.commissionedPlaces).isEqualTo(commissioned.commissionedPlaces());

        row.evolve(changed);
        row.evolve(EventSamples.sample(ProvisionClosed.class));

        assertThat(row.status).isEqualTo("CLOSED");
        assertThat(row.commissionedPlaces).isEqualTo(changed.commissionedPlaces());
    }

    @Test
    void aRowReadBackFromItsTableFoldsOnFromTheStateThatWroteIt() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:provision-read-back;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query/common/V100__read_models.sql"));
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query/common/V160__inclusion_bases.sql"));
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ProvisionCommissioned commissioned = EventSamples.sample(ProvisionCommissioned.class);
        ProvisionRow written = commissionedRow(commissioned);
        written.evolve(EventSamples.sample(CommissionedPlacesChanged.class));
        written.evolve(EventSamples.sample(BaseModelRecorded.class));
        written.version = 2;
        new RowWrites(jdbc).batchUpdate(ProvisionRow.INSERT, List.of(written));

        ProvisionRow readBack = jdbc.query(ProvisionRow.SELECT, rs -> rs.next()
                ? ProvisionRow.read(rs, written.provisionId) : null, written.provisionId);
        assertThat(readBack.state).isEqualTo(keptInTheTable(written.state));
        ProvisionClosed closed = EventSamples.sample(ProvisionClosed.class);
        written.evolve(closed);
        readBack.evolve(closed);

        assertThat(readBack.state).isEqualTo(keptInTheTable(written.state));
        assertColumnsAreTheFolds(readBack, written.state);
        assertThat(readBack.status).isEqualTo("CLOSED");
        assertThat(readBack.baseModel).isEqualTo(EventSamples.sample(BaseModelRecorded.class).baseModel().name());
    }

    @Test
    void theBaseModelInForceIsTheLatestByEffectiveDateAndABackDatedOneIsHistoryOnly() {
        ProvisionCommissioned commissioned = EventSamples.sample(ProvisionCommissioned.class);
        ProvisionRow row = commissionedRow(commissioned);
        assertThat(row.baseModel).isNull();

        row.evolve(new BaseModelRecorded(commissioned.provisionId(), BaseModel.SPECIALIST, LocalDate.of(2026, 9, 1)));
        row.evolve(new BaseModelRecorded(commissioned.provisionId(), BaseModel.SUPPORT, LocalDate.of(2026, 1, 5)));

        assertThat(row.baseModel).isEqualTo("SPECIALIST");
        assertThat(row.baseModelFrom).isEqualTo(Date.valueOf(LocalDate.of(2026, 9, 1)));
        assertThat(row.state.version()).isEqualTo(2);
    }

    /** The state without what no column keeps: the placements holding places and the places by date. */
    private static ProvisionState keptInTheTable(ProvisionState s) {
        return new ProvisionState(s.id(), s.version(), s.type(), s.phase(), s.lowestYear(), s.highestYear(),
                s.designatedNeeds(), s.commissionedPlaces(), s.status(), Set.of(), List.of(), s.openedOn(),
                s.baseModel(), s.baseModelFrom());
    }

    private static void assertColumnsAreTheFolds(ProvisionRow row, ProvisionState state) {
        assertThat(row.status).isEqualTo(state.status().name());
        assertThat(row.commissionedPlaces).isEqualTo(state.commissionedPlaces());
        assertThat(row.type).isEqualTo(state.type().name());
        assertThat(row.phase).isEqualTo(state.phase().name());
        assertThat(row.lowestYear).isEqualTo(state.lowestYear());
        assertThat(row.highestYear).isEqualTo(state.highestYear());
        assertThat(row.designatedNeeds).isEqualTo(state.designatedNeeds().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",")));
        assertThat(row.baseModel).isEqualTo(state.baseModel() == null ? null : state.baseModel().name());
        assertThat(row.baseModelFrom).isEqualTo(state.baseModelFrom() == null ? null
                : Date.valueOf(state.baseModelFrom()));
    }

    /** The row as the projection's handler of a commissioning makes it: the fold's columns and its own. */
    private static ProvisionRow commissionedRow(ProvisionCommissioned commissioned) {
        ProvisionRow row = new ProvisionRow(commissioned.provisionId().value());
        row.evolve(commissioned);
        row.name = commissioned.name();
        row.hostUrn = commissioned.hostSchool().urn().value();
        row.hostName = commissioned.hostSchool().name();
        row.openedOn = Date.valueOf(commissioned.openedOn());
        return row;
    }
}
