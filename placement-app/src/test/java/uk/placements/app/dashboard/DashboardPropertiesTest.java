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
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.command.http.Api;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * Random authorities (a jqwik-chosen seed and size for the demo generator) sent through the real command side into
 * a fresh database each: once the projections have caught up, every capacity and waiting-list figure and the key
 * inclusion figures the HTTP API answers equal an independent fold of the same commands ({@link AuthorityModel}),
 * for today and "as at" past dates.
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
        AuthorityModel model = AuthorityModel.of(plan.commands());
        // Arguments, not default properties: those would lose to application.yml and its file database.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PlacementsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:dash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--placements.crypto.master-key=" + KEY,
                "--logging.level.root=WARN")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            for (Object command : plan.commands()) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                        Map.of(USER_ID, "property-test", CORRELATION_ID, UUID.randomUUID().toString()))));
            }
            ReadModels.awaitCaughtUp(app.getBean(JdbcTemplate.class), app.getBean(ProjectionOperations.class), Duration.ofSeconds(30));
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            for (LocalDate asOf : List.of(today, today.minusDays(daysBack), today.minusDays(longerBack))) {
                checkCapacity(model, read(api, "/api/dashboard/capacity?asOf=" + asOf, CapacityDashboard.class),
                        asOf);
                checkWaitingList(model, read(api, "/api/dashboard/waiting-list?asOf=" + asOf, WaitingList.class),
                        asOf);
                checkInclusion(model, read(api, "/api/dashboard/inclusion?asOf=" + asOf, InclusionDashboard.class),
                        asOf);
            }
            assertThat(read(api, "/api/dashboard/capacity", CapacityDashboard.class).asOf()).isEqualTo(today);
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
