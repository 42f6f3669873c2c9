package uk.placements.app.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.app.QueryPlans;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.command.http.Api;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * Random authorities (a jqwik-chosen seed and size for the demo generator) sent through the real command side into
 * a fresh database each, followed by commands back-dated before much of that history ({@link BackDated}): once the
 * projections have caught up, every capacity and waiting-list figure and the key inclusion figures the HTTP API
 * answers equal an independent fold of the same commands ({@link AuthorityModel}), for today, "as at" past dates,
 * and the dates before, on and after each back-dated command; and the capacity ledger they are read from has a row
 * only where a figure changes.
 */
class DashboardPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Property(tries = 3)
    void dashboardsEqualAnIndependentFoldOfTheCommands(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed,
                                                       @ForAll @IntRange(min = 6, max = 10) int provisions,
                                                       @ForAll @IntRange(min = 150, max = 300) int placements,
                                                       @ForAll @IntRange(min = 1, max = 200) int daysBack,
                                                       @ForAll @IntRange(min = 201, max = 740) int longerBack) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        AuthorityPlan plan = new AuthorityGenerator(seed, today).generate(provisions, placements);
        // Arguments, not default properties: those would lose to application.yml and its file database.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--placements.crypto.master-key=" + KEY,
                "--logging.level.root=WARN"));
        args.addAll(database());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PlacementsApplication.class).run(
                args.toArray(String[]::new))) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            List<Object> accepted = new ArrayList<>(plan.commands());
            for (Object command : plan.commands()) {
                send(commands, command);
            }
            // The generator's commands come in business-date order; these are dated before many of them.
            BackDated back = BackDated.of(plan.commands(), today.minusDays(daysBack + 40L), seed);
            for (Object command : back.commands()) {
                accepted.add(sendAccepted(commands, command));
            }
            AuthorityModel model = AuthorityModel.of(accepted);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(QueryPlans.onPostgres(jdbc)).as("the authority's database is PostgreSQL")
                    .isEqualTo(onPostgres());
            ReadModels.awaitCaughtUp(jdbc, app.getBean(ProjectionOperations.class), Duration.ofSeconds(30));
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            Set<LocalDate> dates = new TreeSet<>(List.of(today, today.minusDays(daysBack),
                    today.minusDays(longerBack)));
            dates.addAll(back.asAt());
            for (LocalDate asOf : dates) {
                checkCapacity(model, read(api, "/api/dashboard/capacity?asOf=" + asOf, CapacityDashboard.class),
                        asOf);
                checkWaitingList(model, read(api, "/api/dashboard/waiting-list?asOf=" + asOf, WaitingList.class),
                        asOf);
                checkInclusion(model, read(api, "/api/dashboard/inclusion?asOf=" + asOf, InclusionDashboard.class),
                        asOf);
            }
            checkLedgerHasRowsOnlyWhereFiguresChange(jdbc);
            assertThat(read(api, "/api/dashboard/capacity", CapacityDashboard.class).asOf()).isEqualTo(today);
        }
    }

    /** Whether {@link #database} is PostgreSQL: checked against the database the application really runs on. */
    protected boolean onPostgres() {
        return false;
    }

    /** The arguments that give each authority a fresh database of its own: here an H2 in memory. */
    protected List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:dash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                Map.of(USER_ID, "property-test", CORRELATION_ID, UUID.randomUUID().toString()))));
    }

    /** Sends {@code command}; an offer refused for want of places (R-CAPACITY) is sent again with a decision. */
    private static Object sendAccepted(CommandGateway commands, Object command) {
        try {
            send(commands, command);
            return command;
        } catch (RuntimeException refused) {
            if (!(command instanceof OfferPlace offer) || offer.overCapacityDecision() != null) {
                throw refused;
            }
            OfferPlace decided = new OfferPlace(offer.placementId(), offer.provisionId(), offer.offeredOn(),
                    offer.needOverrideReason(), new OverCapacityDecision("named in the EHC plan", "panel"));
            send(commands, decided);
            return decided;
        }
    }

    /**
     * Commands dated before much of the authority's history, at one provision open from before {@code from} to
     * today: a change of places, one dated before it, staffing, an admission followed by a time-split change and an
     * ending, and an offer declined. {@link #asAt()} are the dates just before, on and after each of them.
     */
    record BackDated(List<Object> commands, List<LocalDate> asAt) {

        static BackDated of(List<Object> plan, LocalDate from, long seed) {
            Set<String> closed = plan.stream().filter(c -> c instanceof CloseProvision)
                    .map(c -> ((CloseProvision) c).provisionId().value()).collect(Collectors.toSet());
            CommissionProvision p = plan.stream().filter(c -> c instanceof CommissionProvision)
                    .map(c -> (CommissionProvision) c)
                    .filter(c -> !closed.contains(c.provisionId().value()))
                    .min(Comparator.comparing(CommissionProvision::openedOn)).orElseThrow();
            LocalDate d0 = p.openedOn().isBefore(from) ? from : p.openedOn().plusDays(1);
            boolean base = p.type() == ProvisionType.RESOURCE_BASE;
            PlacementId admitted = PlacementId.random();
            PlacementId declined = PlacementId.random();
            // A change to the places the provision last recorded records nothing (the aggregate compares with its
            // last change, whatever its date), so both changes differ from it and from each other.
            int last = plan.stream().filter(c -> c instanceof ChangeCommissionedPlaces change
                            && change.provisionId().equals(p.provisionId()))
                    .map(c -> ((ChangeCommissionedPlaces) c).commissionedPlaces())
                    .reduce(p.commissionedPlaces(), (before, after) -> after);
            List<Object> commands = List.of(
                    new ChangeCommissionedPlaces(p.provisionId(), last + 4, d0.plusDays(30), "back-dated"),
                    new ChangeCommissionedPlaces(p.provisionId(), last + 1, d0.plusDays(15),
                            "back-dated before the change above"),
                    new RecordStaffing(p.provisionId(), 3, 1, new BigDecimal("4.5"), d0.plusDays(2)),
                    refer(admitted, p, d0, seed),
                    refer(declined, p, d0, seed + 1),
                    new OfferPlace(admitted, p.provisionId(), d0.plusDays(4), null, null),
                    new OfferPlace(declined, p.provisionId(), d0.plusDays(4), null, null),
                    new DeclineOffer(declined, d0.plusDays(6), "parents chose another school"),
                    new AdmitPupil(admitted, d0.plusDays(8), null, null),
                    new ChangeTimeSplit(admitted, base ? 60 : 30, d0.plusDays(12), (String) null),
                    new EndPlacement(admitted, d0.plusDays(20), EndReason.LEFT_AREA, null));
            List<LocalDate> asAt = new ArrayList<>();
            for (int day : List.of(0, 2, 4, 6, 8, 12, 15, 20, 30)) {
                asAt.addAll(List.of(d0.plusDays(day - 1L), d0.plusDays(day), d0.plusDays(day + 1L)));
            }
            return new BackDated(commands, asAt);
        }

        private static ReferPupil refer(PlacementId id, CommissionProvision p, LocalDate on, long seed) {
            String digits = String.format("000%09d", Math.floorMod(seed * 31 + id.value().hashCode(), 1_000_000_000));
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * (i + 2);
            }
            Upn upn = new Upn("ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23) + digits);
            NeedCode need = p.designatedNeeds().iterator().next();
            return new ReferPupil(id, new PupilDetails(upn, "Back", "Dated", on.minusYears(p.lowestYear() + 5L)),
                    p.lowestYear(), need, Set.of(), EhcpStatus.EHCP, null, new SchoolUrn("100001"), on, null);
        }
    }

    /**
     * The ledger keeps a row only where a figure changes: each row of a provision differs from the one before it
     * (the first from no row at all) in something besides its date.
     */
    private static void checkLedgerHasRowsOnlyWhereFiguresChange(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM rm_capacity_ledger ORDER BY provision_id, effective_from");
        assertThat(rows).isNotEmpty();
        Map<String, Object> previous = null;
        for (Map<String, Object> row : rows) {
            Map<String, Object> figures = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            figures.putAll(row);
            String provision = (String) figures.remove("provision_id");
            Object from = figures.remove("effective_from");
            boolean first = previous == null || !provision.equals(previous.get("provision_id"));
            if (first) {
                assertThat(figures.values()).as("the first row of %s, from %s", provision, from)
                        .anyMatch(v -> v != null && !Boolean.FALSE.equals(v) && !Integer.valueOf(0).equals(v));
            } else {
                Map<String, Object> before = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                before.putAll(previous);
                before.remove("provision_id");
                before.remove("effective_from");
                assertThat(figures).as("the row of %s from %s against the one before it", provision, from)
                        .isNotEqualTo(before);
            }
            previous = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            previous.putAll(row);
        }
    }

    private static void checkCapacity(AuthorityModel model, CapacityDashboard answer, LocalDate asOf) {
        Map<String, CapacityFigures> expected = new TreeMap<>();
        model.provisions.values().stream().filter(p -> p.openOn(asOf)).forEach(p -> {
            List<AuthorityModel.State> here = model.placements.values().stream().map(pl -> pl.on(asOf))
                    .filter(s -> s != null && p.id.equals(s.provisionId())).toList();
            int onRoll = count(here, s -> s.status().equals("ADMITTED"));
            int offers = count(here, s -> s.status().equals("OFFERED"));
            int outside = count(here, s -> s.outsideNeed() && (s.status().equals("ADMITTED")
                    || s.status().equals("OFFERED")));
            int commissioned = p.placesOn(asOf);
            expected.put(p.id, new CapacityFigures(1, commissioned, onRoll, offers,
                    Math.max(0, commissioned - onRoll - offers), Math.max(0, onRoll + offers - commissioned),
                    outside));
        });
        Map<String, CapacityFigures> actual = answer.provisions().stream()
                .collect(Collectors.toMap(ProvisionCapacity::provisionId, ProvisionCapacity::figures, (a, b) -> a,
                        TreeMap::new));
        assertThat(actual).as("capacity as at %s", asOf).isEqualTo(expected);
        assertThat(answer.total()).isEqualTo(expected.values().stream()
                .reduce(CapacityFigures.NONE, CapacityFigures::plus));
        Map<String, CapacityFigures> byType = new TreeMap<>();
        model.provisions.values().stream().filter(p -> p.openOn(asOf))
                .forEach(p -> byType.merge(p.type.name(), expected.get(p.id), CapacityFigures::plus));
        assertThat(answer.byType()).isEqualTo(byType);
        for (ProvisionCapacity row : answer.provisions()) {
            assertThat(row.overCapacityFlag()).isEqualTo(row.figures().overCapacity() > 0);
            List<String> underDecision = new ArrayList<>();
            model.placements.forEach((id, pl) -> {
                AuthorityModel.State s = pl.on(asOf);
                if (s != null && s.overCapacity() && row.provisionId().equals(s.provisionId())
                        && (s.status().equals("OFFERED") || s.status().equals("ADMITTED"))) {
                    underDecision.add(id);
                }
            });
            assertThat(row.overCapacityDecisions()).extracting(ProvisionCapacity.Decision::placementId)
                    .as("over-capacity decisions of %s as at %s", row.provisionId(), asOf)
                    .containsExactlyInAnyOrderElementsOf(underDecision);
        }
    }

    private static void checkWaitingList(AuthorityModel model, WaitingList answer, LocalDate asOf) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        List<Integer> all = new ArrayList<>();
        model.placements.values().forEach(p -> {
            AuthorityModel.State s = p.on(asOf);
            if (s != null && s.status().equals("REFERRED")) {
                int days = (int) ChronoUnit.DAYS.between(p.referredOn, asOf);
                groups.computeIfAbsent(p.need + "/" + p.year, k -> new ArrayList<>()).add(days);
                all.add(days);
            }
        });
        assertThat(answer.total()).isEqualTo(waiting(all));
        Map<String, WaitingList.Waiting> actual = new TreeMap<>();
        answer.groups().forEach(g -> actual.put(g.primaryNeed() + "/" + g.yearGroup(), g.waiting()));
        Map<String, WaitingList.Waiting> expected = new TreeMap<>();
        groups.forEach((k, v) -> expected.put(k, waiting(v)));
        assertThat(actual).as("waiting list as at %s", asOf).isEqualTo(expected);
    }

    private static void checkInclusion(AuthorityModel model, InclusionDashboard answer, LocalDate asOf) {
        LocalDate windowFrom = asOf.minusMonths(12);
        assertThat(answer.windowFrom()).isEqualTo(windowFrom);
        assertThat(answer.provisions()).extracting(InclusionDashboard.ProvisionInclusion::provisionId)
                .containsExactlyInAnyOrderElementsOf(model.provisions.values().stream().filter(p -> p.openOn(asOf))
                        .map(p -> p.id).toList());
        for (InclusionDashboard.ProvisionInclusion row : answer.provisions()) {
            AuthorityModel.Provision p = model.provisions.get(row.provisionId());
            List<Integer> percents = model.placements.values().stream().map(pl -> pl.on(asOf))
                    .filter(s -> s != null && s.status().equals("ADMITTED") && p.id.equals(s.provisionId()))
                    .map(AuthorityModel.State::percent).toList();
            List<AuthorityModel.Milestone> window = model.milestones.stream()
                    .filter(m -> p.id.equals(m.provisionId()) && m.on().isAfter(windowFrom) && !m.on().isAfter(asOf))
                    .toList();
            String what = row.provisionId() + " as at " + asOf;
            assertThat(row.onRoll()).as(what).isEqualTo(percents.size());
            if (percents.isEmpty()) {
                assertThat(row.averageMainstreamPercent()).as(what).isNull();
            } else {
                assertThat(row.averageMainstreamPercent()).as(what).isCloseTo(
                        percents.stream().mapToInt(Integer::intValue).average().orElseThrow(), within(1e-9));
                if (p.type == ProvisionType.RESOURCE_BASE) {
                    assertThat(row.shareAtOrAbove50()).as(what).isCloseTo(
                            percents.stream().filter(x -> x >= 50).count() / (double) percents.size(), within(1e-9));
                }
            }
            assertThat(row.splitIncreases()).as(what).isEqualTo(kinds(window, "SPLIT_INCREASE"));
            assertThat(row.splitDecreases()).as(what).isEqualTo(kinds(window, "SPLIT_DECREASE"));
            assertThat(row.movesToMainstream()).as(what).isEqualTo(kinds(window, "MOVED_TO_MAINSTREAM"));
            assertThat(row.medianDaysReferralToOffer()).as(what).isEqualTo(median(window.stream()
                    .filter(m -> m.kind().equals("OFFERED")).map(AuthorityModel.Milestone::daysFromReferral)
                    .toList()));
            assertThat(row.medianDaysOfferToAdmission()).as(what).isEqualTo(median(window.stream()
                    .filter(m -> m.kind().equals("ADMITTED")).map(AuthorityModel.Milestone::daysFromOffer)
                    .toList()));
            AuthorityModel.Staffing staffing = p.staffingOn(asOf);
            assertThat(row.qualifiedTeacherPresent()).as(what)
                    .isEqualTo(staffing == null ? null : staffing.teachers() >= 1);
            if (staffing != null && !percents.isEmpty()) {
                assertThat(row.adultsPerPupil()).as(what)
                        .isCloseTo(staffing.adults() / (double) percents.size(), within(1e-9));
            }
        }
    }

    private static int kinds(List<AuthorityModel.Milestone> milestones, String kind) {
        return (int) milestones.stream().filter(m -> m.kind().equals(kind)).count();
    }

    private static WaitingList.Waiting waiting(List<Integer> days) {
        return new WaitingList.Waiting(days.size(), median(days),
                days.stream().max(Comparator.naturalOrder()).orElse(null));
    }

    private static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? (double) sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    private static <T> T read(Api api, String path, Class<T> type) {
        Api.Answer answer = api.get("analyst", path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        try {
            return JSON.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
