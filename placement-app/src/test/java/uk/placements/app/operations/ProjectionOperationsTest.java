package uk.placements.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.caseload.CaseloadProjection;
import uk.placements.query.caseload.CaseloadQueries;
import uk.placements.query.history.PlacementHistoryProjection;
import uk.placements.query.operations.ProcessorControl;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.query.operations.ReadModel;
import uk.placements.query.operations.ReadModelChecksum;
import uk.placements.query.operations.ReadModels;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.query.FindCaseload;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations on the read models over real HTTP and the real (in-memory) H2, with an authority of a few thousand
 * commands loaded through the command side once for the whole class.
 */
@Import(ProjectionOperationsTest.FailsWhenAsked.class)
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                // batches of a few events: a replay by the processor carries each model over many batches
                "axon.eventhandling.processors.caseload.batch-size=20",
                "axon.eventhandling.processors.placement-history.batch-size=20",
                "axon.eventhandling.processors.provisions.batch-size=20",
                "axon.eventhandling.processors.capacity-ledger.batch-size=20",
                "axon.eventhandling.processors.funding.batch-size=20"
        })
class ProjectionOperationsTest {

    /** The context the authority was loaded into: a subclass on another database (OnPostgres) loads its own. */
    private static int loadedOnPort;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private Clock clock;
    @Autowired
    private ProjectionOperations operations;
    @Autowired
    private ReadModels readModels;
    @Autowired
    private ReadModelChecksum checksums;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private CaseloadProjection caseload;
    @Autowired
    private PlacementHistoryProjection history;
    @Autowired
    private ProvisionProjection provisions;
    @Autowired
    private CapacityLedgerProjection ledger;
    @Autowired
    private CaseloadQueries caseloadQueries;
    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private FailsWhenAsked failing;
    @Autowired
    private ProcessorControl control;
    @Autowired
    private DataSource dataSource;

    private Api api;

    /**
     * One more handler of the caseload group, inert until asked to fail: then, replaying an admission, it reads the
     * placements over a connection of its own (what any other reader sees meanwhile) and throws.
     */
    @ProcessingGroup(CaseloadProjection.NAME)
    static class FailsWhenAsked {
        private final DataSource dataSource;
        final AtomicBoolean fail = new AtomicBoolean();
        volatile long placementsSeenMeanwhile = -1;

        FailsWhenAsked(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @EventHandler
        void on(PupilAdmitted event, ReplayStatus replay) throws SQLException {
            if (!fail.get() || !replay.isReplay()) {
                return;
            }
            try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM rm_placement")) {
                count.next();
                placementsSeenMeanwhile = count.getLong(1);
            }
            throw new IllegalStateException("failing on purpose half-way through a rebuild");
        }
    }

    @BeforeEach
    void authorityLoadedAndProjected() throws InterruptedException {
        api = new Api(port);
        synchronized (ProjectionOperationsTest.class) {
            if (loadedOnPort != port) {
                Authorities.load(gateway, LocalDate.now(clock), 7, 36, 800);
                Authorities.awaitCaughtUp(operations, Duration.ofMinutes(2));
                Authorities.baseFacts(gateway, jdbc);
                loadedOnPort = port;
            }
        }
        Authorities.awaitCaughtUp(operations, Duration.ofMinutes(2));
    }

    @Test
    void rebuildingEveryProjectionReproducesTheLiveReadModelRowForRow() {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        for (ReadModel model : readModels.all()) {
            Map<String, List<Map<String, Object>>> live = rows(model);
            assertThat(live.values()).as(model.name()).allMatch(rows -> !rows.isEmpty());

            Api.Answer answer = api.post("admin", "/api/admin/projections/" + model.name() + "/rebuild", "");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode report = answer.json();
            assertThat(report.get("events").asLong()).isEqualTo(events);
            assertThat(report.get("millis").asLong()).isPositive();
            assertThat(report.get("checksumBefore").asText()).matches("[0-9a-f]{64}");
            assertThat(report.get("checksumAfter").asText()).as(model.name())
                    .isEqualTo(report.get("checksumBefore").asText());
            assertThat(rows(model)).as(model.name()).isEqualTo(live);
        }
    }

    /**
     * The caseload page's total is read from the totals the projection keeps (rm_caseload_count), never counted:
     * for every combination of filters that some placement matches (every subset of status, provision, need, year
     * group and provision type, with every combination of values the placements have), and for filters that match
     * nothing, it is what COUNT(*) over the placements says; so it stays after a rebuild and after a replay by the
     * processor in small batches.
     */
    @Test
    void theCaseloadPagesKeptTotalsAreTheCountOfEveryFilterBeforeAndAfterARebuildAndAReplay() throws Exception {
        ReadModel model = readModels.find(CaseloadProjection.NAME).orElseThrow();
        Map<List<Object>, Long> counted = countedPerFilter();
        assertThat(counted).hasSizeGreaterThan(500);
        assertKeptTotalsAre(counted);

        Api.Answer answer = api.post("admin", "/api/admin/projections/" + model.name() + "/rebuild", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("unchanged").asBoolean()).isTrue();
        // where its time went, phase by phase, none longer than the whole
        com.fasterxml.jackson.databind.JsonNode phases = answer.json().get("phases");
        assertThat(phases.fieldNames()).toIterable()
                .containsExactly("fold", "foldWaitingForReads", "write", "index", "commit");
        assertThat(phases.get("foldWaitingForReads").asLong()).isBetween(0L, phases.get("fold").asLong());
        long sum = 0;
        for (String phase : List.of("fold", "write", "index", "commit")) {
            assertThat(phases.get(phase).asLong()).as(phase).isBetween(0L, answer.json().get("millis").asLong());
            sum += phases.get(phase).asLong();
        }
        assertThat(sum).isLessThanOrEqualTo(answer.json().get("millis").asLong());
        assertKeptTotalsAre(counted);

        String before = checksums.of(model).sha256();
        replayByTheProcessor(model.name());
        assertThat(checksums.of(model).sha256()).isEqualTo(before);
        assertKeptTotalsAre(counted);
    }

    /**
     * A page of one status or one provision in the default order (read from the index that leads with its filter)
     * is the newest referrals first, then by id, as over all placements.
     */
    @Test
    void aPageOfOneStatusOrOneProvisionIsInTheDefaultOrder() {
        List<String> provisions = jdbc.queryForList("SELECT DISTINCT provision_id FROM rm_placement "
                + "WHERE provision_id IS NOT NULL ORDER BY provision_id FETCH FIRST 5 ROWS ONLY", String.class);
        assertThat(provisions).isNotEmpty();
        for (String provision : provisions) {
            for (PlacementStatus status : java.util.Arrays.asList(null, PlacementStatus.ADMITTED)) {
                List<String> expected = jdbc.queryForList("SELECT placement_id FROM rm_placement "
                        + "WHERE provision_id = ? " + (status == null ? "" : "AND status = '" + status + "' ")
                        + "ORDER BY referred_on DESC, placement_id DESC FETCH FIRST 20 ROWS ONLY", String.class,
                        provision);
                assertThat(page(new FindCaseload(status, provision, null, null, null, null, null, 0, 20)))
                        .as(provision + " " + status).isEqualTo(expected);
            }
        }
        for (PlacementStatus status : PlacementStatus.values()) {
            List<String> expected = jdbc.queryForList("SELECT placement_id FROM rm_placement WHERE status = ? "
                    + "ORDER BY referred_on DESC, placement_id DESC OFFSET 20 ROWS FETCH NEXT 20 ROWS ONLY",
                    String.class, status.name());
            assertThat(page(new FindCaseload(status, null, null, null, null, null, "-referredOn", 1, 20)))
                    .as(status.name()).isEqualTo(expected);
        }
    }

    private List<String> page(FindCaseload query) {
        return caseloadQueries.caseload(query).items().stream().map(item -> item.id()).toList();
    }

    /** The filters' values each placement has, in FindCaseload's order (status, provision, need, year, type). */
    private static final List<String> FILTER_COLUMNS = List.of("status", "provision_id", "primary_need", "year_group",
            "provision_type");

    /** COUNT(*) over rm_placement for every subset of the filters and every combination of values in it. */
    private Map<List<Object>, Long> countedPerFilter() {
        Map<List<Object>, Long> counted = new LinkedHashMap<>();
        for (int subset = 0; subset < 1 << FILTER_COLUMNS.size(); subset++) {
            int chosen = subset;
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < FILTER_COLUMNS.size(); i++) {
                if ((chosen & 1 << i) != 0) {
                    columns.add(FILTER_COLUMNS.get(i));
                }
            }
            String select = columns.isEmpty() ? "SELECT COUNT(*) AS n FROM rm_placement"
                    : "SELECT " + String.join(", ", columns) + ", COUNT(*) AS n FROM rm_placement GROUP BY "
                    + String.join(", ", columns);
            jdbc.query(select, rs -> {
                List<Object> filter = new ArrayList<>();
                boolean asksForNull = false;
                for (int i = 0; i < FILTER_COLUMNS.size(); i++) {
                    Object value = (chosen & 1 << i) != 0 ? rs.getObject(FILTER_COLUMNS.get(i)) : null;
                    // a filter asks for a value: none finds the placements without one (no provision yet)
                    asksForNull |= (chosen & 1 << i) != 0 && value == null;
                    filter.add(value);
                }
                if (!asksForNull) {
                    counted.put(filter, rs.getLong("n"));
                }
            });
        }
        return counted;
    }

    private void assertKeptTotalsAre(Map<List<Object>, Long> counted) {
        Map<List<Object>, Long> answered = new LinkedHashMap<>();
        counted.keySet().forEach(filter -> answered.put(filter, total(filter)));
        assertThat(answered).isEqualTo(counted);
        // filters no placement matches
        for (List<Object> filter : List.<List<Object>>of(
                java.util.Arrays.asList(null, "NO-SUCH-PROVISION", null, null, null),
                java.util.Arrays.asList(null, "not&a=provision", null, null, null),
                java.util.Arrays.asList("ADMITTED", null, null, 99, null))) {
            assertThat(total(filter)).as(filter.toString()).isZero();
        }
        long statuses = 0;
        for (PlacementStatus status : PlacementStatus.values()) {
            statuses += total(java.util.Arrays.asList(status.name(), null, null, null, null));
        }
        assertThat(statuses).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement", Long.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_caseload_count WHERE placements <= 0", Long.class))
                .as("parts at zero or below").isZero();
    }

    /** The total the caseload page answers for {@code filter} (FindCaseload's filters, in order). */
    private long total(List<Object> filter) {
        return caseloadQueries.caseload(new FindCaseload(
                filter.get(0) == null ? null : PlacementStatus.valueOf((String) filter.get(0)),
                (String) filter.get(1), filter.get(2) == null ? null : NeedCode.valueOf((String) filter.get(2)),
                filter.get(3) == null ? null : ((Number) filter.get(3)).intValue(),
                filter.get(4) == null ? null : ProvisionType.valueOf((String) filter.get(4)), null, null, 0, 1))
                .total();
    }

    /**
     * Every read model a processor replays by itself (as after a reset with Axon Server's event store, or tokens
     * reset by hand), in batches of a few events (this class sets the batch size of every group to 20), holds the
     * rows it held live: a batch carries on from the rows the previous batches wrote.
     */
    @Test
    void aReplayByTheProcessorInSmallBatchesReproducesTheLiveReadModelRowForRow() throws Exception {
        for (ReadModel model : readModels.all()) {
            assertAReplayByTheProcessorReproduces(model);
        }
    }

    private void assertAReplayByTheProcessorReproduces(ReadModel model) throws InterruptedException {
        Map<String, List<Map<String, Object>>> live = rows(model);
        String checksum = checksums.of(model).sha256();

        replayByTheProcessor(model.name());

        assertThat(checksums.of(model).sha256()).as(model.name()).isEqualTo(checksum);
        assertThat(rows(model)).as(model.name()).isEqualTo(live);
    }

    /** Stops the group, resets its tokens (its reset handler clears its tables), starts it and waits. */
    private void replayByTheProcessor(String name) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(name,
                StreamingEventProcessor.class).orElseThrow();
        control.stop(name);
        try {
            processor.resetTokens();
        } finally {
            control.start(name);
        }
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (operations.position(name).orElse(0) < head) {
            assertThat(processor.processingStatus().values()).as(name + " replaying")
                    .noneMatch(org.axonframework.eventhandling.EventTrackerStatus::isErrorState);
            assertThat(System.nanoTime()).as(name + " replayed within two minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aRebuildThatFailsHalfWayChangesNothingAndTheOldReadModelServesMeanwhile() throws InterruptedException {
        ReadModel model = readModels.find(CaseloadProjection.NAME).orElseThrow();
        Map<String, List<Map<String, Object>>> live = rows(model);
        OptionalLong position = operations.position(model.name());
        failing.placementsSeenMeanwhile = -1;

        failing.fail.set(true);
        Api.Answer answer;
        try {
            answer = api.post("admin", "/api/admin/projections/" + model.name() + "/rebuild", "");
        } finally {
            failing.fail.set(false);
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(500);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).isEqualTo("Rebuild failed");
        assertThat(answer.json().get("detail").asText()).contains("as it was before the rebuild");
        assertThat(failing.placementsSeenMeanwhile).as("placements another connection read while the replay ran")
                .isEqualTo(live.get("rm_placement").size());
        assertThat(rows(model)).isEqualTo(live);
        assertThat(operations.position(model.name())).isEqualTo(position);
        assertThat(operations.status()).filteredOn(s -> s.name().equals(model.name()))
                .allMatch(ProjectionOperations.ProjectionStatus::running);
        // asked again, the same rebuild succeeds and reproduces the same rows
        Api.Answer again = api.post("admin", "/api/admin/projections/" + model.name() + "/rebuild", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(rows(model)).isEqualTo(live);
    }

    /**
     * What a rebuild that died while writing its rows in several transactions (H2) leaves: the group stopped by an
     * instance that is gone, its mark, the reset's tokens and part of the rows. The next poll of processor control
     * clears the tables and sets the tokens back to the start before it starts the group again, and the processor
     * replays it to the same rows.
     */
    @Test
    void aReadModelLeftHalfWrittenByARebuildThatDiedIsClearedAndReplayedBeforeItRunsAgain() throws Exception {
        ReadModel model = readModels.find(PlacementHistoryProjection.NAME).orElseThrow();
        Map<String, List<Map<String, Object>>> live = rows(model);
        control.stop(model.name());
        String dead = "rebuilder-that-died/0";
        jdbc.update("UPDATE processor_control SET changed_by = ? WHERE processing_group = ?", dead, model.name());
        jdbc.update("INSERT INTO read_model_rebuild (processing_group, instance_id, started_at) VALUES (?, ?, 0)",
                model.name(), dead);
        jdbc.update("DELETE FROM rm_placement_milestone WHERE seq > 1");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM read_model_rebuild", Integer.class) > 0) {
            assertThat(System.nanoTime()).as("the mark is recovered").isLessThan(deadline);
            Thread.sleep(20);
        }
        Authorities.awaitCaughtUp(operations, Duration.ofMinutes(1));

        assertThat(rows(model)).isEqualTo(live);
    }

    /**
     * The reporting views read the read-model tables, and on PostgreSQL a rebuild swaps new tables in for those
     * (ShadowTables): the views are there again afterwards, over the new tables, answering exactly as before, still
     * granted to the reporting role, and no shadow table is left behind.
     */
    @Test
    void afterRebuildsTheReportingViewsAnswerAsBeforeAndKeepTheirGrants() throws SQLException {
        List<String> views = List.of("report_placement_period", "report_placement_milestone", "report_provision",
                "report_provision_change", "report_over_capacity_decision", "report_capacity_ledger",
                "report_capacity_now");
        Map<String, List<Map<String, Object>>> before = new LinkedHashMap<>();
        views.forEach(view -> before.put(view, jdbc.queryForList("SELECT * FROM " + view + " ORDER BY 1, 2, 3")));
        Set<String> grantedBefore = reportingGrants();
        assertThat(grantedBefore).containsAll(views);
        boolean postgres = !isH2();
        Long tableBefore = postgres ? jdbc.queryForObject("SELECT 'rm_placement_period'::regclass::oid", Long.class)
                : null;

        for (String name : List.of(PlacementHistoryProjection.NAME, ProvisionProjection.NAME,
                CapacityLedgerProjection.NAME)) {
            Api.Answer answer = api.post("admin", "/api/admin/projections/" + name + "/rebuild", "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }

        views.forEach(view -> assertThat(jdbc.queryForList("SELECT * FROM " + view + " ORDER BY 1, 2, 3"))
                .as(view).isEqualTo(before.get(view)));
        assertThat(reportingGrants()).isEqualTo(grantedBefore);
        if (postgres) {
            assertThat(jdbc.queryForObject("SELECT 'rm_placement_period'::regclass::oid", Long.class))
                    .as("the rebuilt table is a new table, swapped in").isNotEqualTo(tableBefore);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = "
                + "'read_model_shadow'", Integer.class)).as("shadow tables left").isZero();
    }

    /** The tables and views the reporting role may read. */
    private Set<String> reportingGrants() throws SQLException {
        String sql = isH2()
                ? "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.RIGHTS WHERE GRANTEE = 'PLACEMENTS_REPORTING'"
                : "SELECT table_name FROM information_schema.role_table_grants WHERE grantee = 'placements_reporting'";
        return new HashSet<>(jdbc.queryForList(sql, String.class));
    }

    private boolean isH2() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        }
    }

    /**
     * On PostgreSQL a rebuild builds every index of its shadow tables from ReadModels: each must be the migrations'
     * own, to its columns, and whole (no partial index), both as the migrations leave them and after a rebuild has
     * built them again.
     */
    @Test
    void onPostgresEveryIndexIsTheMigrationsOwnBeforeAndAfterARebuild() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeFalse(isH2(), "shadow tables are PostgreSQL's");
        assertIndexesAreAsReadModelsBuildThem();
        for (ReadModel model : readModels.all()) {
            Api.Answer answer = api.post("admin", "/api/admin/projections/" + model.name() + "/rebuild", "");
            assertThat(answer.status()).as(model.name()).isEqualTo(200);
        }
        assertIndexesAreAsReadModelsBuildThem();
    }

    private void assertIndexesAreAsReadModelsBuildThem() {
        for (ReadModel model : readModels.all()) {
            for (ReadModel.Table table : model.tables()) {
                for (ReadModel.Index index : table.indexes()) {
                    String definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE tablename = ?"
                            + " AND indexname = ? AND schemaname = current_schema()", String.class, table.name(),
                            index.name());
                    String columns = definition.substring(definition.indexOf("USING btree (") + 13,
                            definition.lastIndexOf(')', definition.contains(" WHERE ") ? definition.indexOf(" WHERE ")
                                    : definition.length()));
                    assertThat(columns).as(definition).isEqualTo(index.columns(true));
                    if (index.postgresWhere() == null) {
                        assertThat(definition).as(definition).doesNotContain(" WHERE ");
                    } else {
                        // PostgreSQL writes the predicate back with its casts and brackets: compare without them
                        assertThat(bare(definition.substring(definition.indexOf(" WHERE ") + 7))).as(definition)
                                .isEqualTo(bare(index.postgresWhere()));
                    }
                }
            }
        }
    }

    /** A predicate as written, without casts to text, brackets or spaces. */
    private static String bare(String predicate) {
        return predicate.replace("::text", "").replaceAll("[()\\s]", "");
    }

    /** A rebuild on H2 drops and builds again the indexes ReadModels names: they must be exactly the schema's. */
    @Test
    void eachReadModelTableHasExactlyTheIndexesItsRebuildBuildsAgain() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (ReadModel model : readModels.all()) {
                for (ReadModel.Table table : model.tables()) {
                    String name = meta.storesUpperCaseIdentifiers() ? table.name().toUpperCase(Locale.ROOT)
                            : table.name();
                    Set<String> primaryKey = new HashSet<>();
                    try (ResultSet keys = meta.getPrimaryKeys(null, connection.getSchema(), name)) {
                        while (keys.next()) {
                            primaryKey.add(keys.getString("PK_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                    Set<String> indexes = new HashSet<>();
                    try (ResultSet info = meta.getIndexInfo(null, connection.getSchema(), name, false, true)) {
                        while (info.next()) {
                            String index = info.getString("INDEX_NAME");
                            if (index != null) {
                                indexes.add(index.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                    indexes.removeIf(index -> primaryKey.contains(index) || index.startsWith("primary_key")
                            || index.endsWith("_pkey"));
                    assertThat(indexes).as(table.name()).containsExactlyInAnyOrderElementsOf(table.indexes()
                            .stream().map(index -> index.name().toLowerCase(Locale.ROOT)).toList());
                }
            }
        }
    }

    @Test
    void everyHandlerAppliedTwiceToTheSameEventLeavesTheSameState() {
        Map<String, String> before = new LinkedHashMap<>();
        readModels.all().forEach(model -> before.put(model.name(), checksums.of(model).sha256()));
        List<AnnotationEventHandlerAdapter> handlers = List.of(new AnnotationEventHandlerAdapter(caseload),
                new AnnotationEventHandlerAdapter(history), new AnnotationEventHandlerAdapter(provisions),
                new AnnotationEventHandlerAdapter(ledger));

        long redelivered = 0;
        try (BlockingStream<TrackedEventMessage<?>> stored = eventStore.openStream(null)) {
            while (stored.hasNextAvailable()) {
                TrackedEventMessage<?> event = stored.nextAvailable();
                // delivered again as a processor delivers it: in a unit of work of its own
                ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                    return null;
                });
                if (result.isExceptional()) {
                    throw new AssertionError("redelivery failed after " + redelivered + " events",
                            result.exceptionResult());
                }
                redelivered++;
            }
        } catch (Exception e) {
            throw new AssertionError("redelivery failed after " + redelivered + " events", e);
        }

        assertThat(redelivered).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class));
        readModels.all().forEach(model ->
                assertThat(checksums.of(model).sha256()).as(model.name()).isEqualTo(before.get(model.name())));
    }

    @Test
    void onceCaughtUpEveryProjectionStandsAtTheHeadWithNoLag() {
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);

        Api.Answer answer = api.get("admin", "/api/admin/projections");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode projection : answer.json()) {
            names.add(projection.get("name").asText());
            assertThat(projection.get("head").asLong()).isEqualTo(head);
            assertThat(projection.get("position").asLong()).isEqualTo(head);
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("replaying").asBoolean()).isFalse();
            assertThat(projection.get("running").asBoolean()).isTrue();
            assertThat(projection.get("segments").asInt()).isEqualTo(4);
            assertThat(projection.get("segmentsClaimedHere")).hasSize(4);
            assertThat(projection.get("tables")).isNotEmpty();
        }
        assertThat(names).containsExactly("caseload", "placement-history", "provisions", "capacity-ledger", "funding",
                "place-change");
        assertThat(answer.json().get(0).get("tables").toString()).contains("rm_placement", "rm_caseload_count");
    }

    @Test
    void onlyAnAdminMayListOrRebuildProjections() {
        for (String user : List.of("analyst", "caseworker", "auditor", "provision-admin")) {
            assertThat(api.get(user, "/api/admin/projections").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/admin/projections/caseload/rebuild", "").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.get(null, "/api/admin/projections").status()).isEqualTo(401);
        assertThat(api.post(null, "/api/admin/projections/caseload/rebuild", "").status()).isEqualTo(401);
    }

    @Test
    void rebuildingAnUnknownProjectionIsNotFound() {
        Api.Answer answer = api.post("admin", "/api/admin/projections/no-such-thing/rebuild", "");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("no-such-thing");
    }

    private Map<String, List<Map<String, Object>>> rows(ReadModel model) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (ReadModel.Table table : model.tables()) {
            rows.put(table.name(), jdbc.queryForList("SELECT * FROM " + table.name() + " ORDER BY "
                    + String.join(", ", table.key())));
        }
        return rows;
    }
}
