package uk.placements.app.funding;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.query.funding.FundingLedgerReader;
import uk.placements.query.funding.LedgerViews;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.command.CommissionProvision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * The funding ledger and payment schedules against an independent day-by-day computation in this test, from random
 * stories sent through the real command side: a tariff with gaps (unpriced years) and later corrections, pupils
 * admitted and leaving on any day from July 2026 to 2029 (month and year boundaries, 29 February 2028), top-ups
 * assigned and changed, back-dated before earlier changes, each command recorded on a simulated day (Axon stamps
 * events with {@link GenericEventMessage#clock}, set here) so that "as known on" dates and schedules' adjustments
 * are exercised:
 * <ul>
 * <li>a placement's ledger as known at the end of any day equals, month by month, the sum over the occupied days of
 * the annual value in force that day as then known, divided by 12 and the month's days, rounded to the penny;</li>
 * <li>for each month, its own schedule's due and the adjustments to it in every later schedule (each drawn once
 * final) add up to what is known now, and a schedule drawn at the end of its month is the same when drawn again
 * later: no past month is rewritten.</li>
 * </ul>
 */
class FundingLedgerPropertiesTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final LocalDate REFERRED = LocalDate.of(2026, 6, 1);
    private static final LocalDate FIRST_ADMISSION = LocalDate.of(2026, 7, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2029, 8, 31);
    private static final AtomicInteger STORIES = new AtomicInteger();

    private static ConfigurableApplicationContext app;
    private static CommandGateway commands;
    private static FundingLedgerReader ledger;
    private static final SimulatedClock RECORDING = new SimulatedClock();

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(PlacementsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--placements.crypto.master-key=" + KEY,
                "--logging.level.root=WARN");
        commands = app.getBean(CommandGateway.class);
        ledger = app.getBean(FundingLedgerReader.class);
        GenericEventMessage.clock = RECORDING;
    }

    @AfterContainer
    static void stop() {
        GenericEventMessage.clock = Clock.systemUTC();
        if (app != null) {
            app.close();
        }
    }

    /** Axon's clock for event timestamps, moved by the test to the day a command is recorded on. */
    static final class SimulatedClock extends Clock {
        volatile Instant now = Instant.now();

        void recordOn(LocalDate day, int order) {
            now = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(36_000L + order);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * The story that found a lost top-up: band C asked for from 26 March while C was in force from February recorded
     * nothing, and a later change back-dated to 11 February took March and April over (FundingApiTest has it alone).
     */
    @Example
    void theStoryOfSeed264() {
        theLedgerAndTheSchedulesEqualADayByDayComputation(264);
    }

    @Property(tries = 20)
    void theLedgerAndTheSchedulesEqualADayByDayComputation(@ForAll @LongRange(min = 1, max = 1_000_000_000)
                                                           long seed) {
        Story story = Story.generate(new Random(seed), STORIES.incrementAndGet());
        List<Sent> accepted = new ArrayList<>();
        int order = 0;
        for (Recorded r : story.commands()) {
            RECORDING.recordOn(r.on(), order++);
            try {
                send(r.command());
                accepted.add(new Sent(RECORDING.now, r.command()));
            } catch (RuntimeException refused) {
                // R-BAND-EXISTS (a gap in the tariff) and R-FUNDING-DATE refusals change nothing: left out.
                assertThat(r.command()).as(refused.getMessage()).isInstanceOf(AssignTopUp.class);
            }
        }
        RECORDING.now = Instant.now();
        awaitProjected(story);
        Model model = new Model(story, accepted);

        // the ledger of each placement, as known at the end of several days
        List<LocalDate> knownOn = new ArrayList<>(story.checkDays());
        knownOn.add(LAST_DAY);
        for (LocalDate day : knownOn) {
            for (PlacementId placement : story.placements()) {
                LedgerViews.PlacementLedger read = ledger.placement(placement.value(), day);
                Map<YearMonth, BigDecimal> expected = model.months(placement, endOf(day), YearMonth.from(day));
                Map<YearMonth, BigDecimal> actual = new LinkedHashMap<>();
                read.months().forEach(m -> actual.put(YearMonth.parse(m.month()), m.topUp()));
                assertThat(actual).as("placement %s as known at the end of %s", placement, day)
                        .isEqualTo(expected);
            }
        }

        // the schedules of every month of the story, each drawn once final
        YearMonth first = YearMonth.from(FIRST_ADMISSION);
        YearMonth last = YearMonth.from(LAST_DAY);
        Map<String, BigDecimal> scheduled = new TreeMap<>(); // placement + month -> due + adjustments so far
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            // drawn long after the month: what was recorded after it ended shows in later schedules only
            FundingLedgerReader.ScheduleLines lines = ledger.scheduleLines(month, LAST_DAY.plusDays(1), story.urn());
            assertThat(lines.provisional()).isFalse();
            // the whole authority's schedule, handed over one host school at a time in order of URN (as the CSV
            // writes it): this story's school among them, with the lines of its own schedule
            List<List<FundingLedgerReader.ScheduleLine>> schools = new ArrayList<>();
            ledger.schedule(month, LAST_DAY.plusDays(1), null, schools::add);
            List<String> urns = new ArrayList<>();
            for (List<FundingLedgerReader.ScheduleLine> school : schools) {
                assertThat(school).as("a school handed over").isNotEmpty();
                String urn = school.get(0).provision().urn();
                assertThat(school).as("the lines of one school").allMatch(l -> l.provision().urn().equals(urn));
                urns.add(urn);
            }
            assertThat(urns).as("schools in order of URN, each once").isSorted().doesNotHaveDuplicates();
            List<FundingLedgerReader.ScheduleLine> ours = schools.stream()
                    .filter(school -> school.get(0).provision().urn().equals(story.urn())).findFirst()
                    .orElse(List.of());
            assertThat(ours).as("the story's school in the schedule of %s", month).isEqualTo(lines.lines());
            Instant endOfMonth = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, BigDecimal> due = new TreeMap<>();
            for (FundingLedgerReader.ScheduleLine line : lines.lines()) {
                assertThat(line.kind().equals("DUE") ? line.forMonth().equals(month) : line.forMonth()
                        .isBefore(month)).as("%s", line).isTrue();
                if (line.kind().equals("DUE") && line.amount().signum() != 0) {
                    due.put(line.placementId(), line.amount());
                }
                scheduled.merge(line.placementId() + " " + line.forMonth(), line.amount(), BigDecimal::add);
            }
            // the month's due is the month as known when it ended
            Map<String, BigDecimal> dueThen = new TreeMap<>();
            for (PlacementId placement : story.placements()) {
                BigDecimal then = model.months(placement, endOfMonth, month).get(month);
                if (then != null && then.signum() != 0) {
                    dueThen.put(placement.value(), then);
                }
            }
            assertThat(due).as("due in the schedule of %s", month).isEqualTo(dueThen);
            // Everything scheduled for the months so far is what is known at the end of this month.
            Map<String, BigDecimal> known = new TreeMap<>();
            for (PlacementId placement : story.placements()) {
                model.months(placement, endOfMonth, month).forEach((m, amount) -> {
                    if (amount.signum() != 0) {
                        known.put(placement.value() + " " + m, amount);
                    }
                });
            }
            Map<String, BigDecimal> nonZero = new TreeMap<>();
            scheduled.forEach((k, v) -> {
                if (v.signum() != 0) {
                    nonZero.put(k, v);
                }
            });
            assertThat(nonZero).as("scheduled up to %s", month).isEqualTo(known);
        }
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                Map.of(USER_ID, "property-test", CORRELATION_ID, UUID.randomUUID().toString()))));
    }

    /** Waits until the funding read model holds every top-up and leaving of the story. */
    private static void awaitProjected(Story story) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ProjectionOperations operations = app.getBean(ProjectionOperations.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!operations.status().stream().allMatch(s -> s.lag() == 0 && !s.replaying())) {
            assertThat(System.nanoTime()).as("projections caught up within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_funding_placement WHERE provision_id = ? "
                + "AND admitted_on IS NOT NULL", Integer.class, story.provision().value()))
                .isEqualTo(story.placements().size());
    }

    /** A command and the simulated day it is recorded on. */
    record Recorded(LocalDate on, Object command) {
    }

    /** An accepted command and the moment its events were stamped with. */
    record Sent(Instant at, Object command) {
    }

    /** One provision at its own school, its own bands, two or three pupils and their top-ups, over three years. */
    record Story(ProvisionId provision, String urn, List<BandCode> bands, List<PlacementId> placements,
                 List<Recorded> commands, List<LocalDate> checkDays) {

        static Story generate(Random random, int n) {
            ProvisionId provision = new ProvisionId("LEDGER-" + n);
            String urn = Integer.toString(700000 + n);
            List<BandCode> bands = List.of(new BandCode("L" + n + "A"), new BandCode("L" + n + "B"),
                    new BandCode("L" + n + "C"));
            List<Recorded> tariff = new ArrayList<>();
            List<Recorded> later = new ArrayList<>();
            LocalDate start = REFERRED.minusDays(30);
            tariff.add(new Recorded(start, new CommissionProvision(provision, "Ledger base " + n,
                    ProvisionType.RESOURCE_BASE, new HostSchool(new SchoolUrn(urn), "School " + n), Phase.PRIMARY,
                    0, 6, Set.of(NeedCode.ASD), 50, LocalDate.of(2026, 1, 5))));
            for (int fy = 2026; fy <= 2029; fy++) {
                for (BandCode band : bands) {
                    if (random.nextInt(8) > 0) { // now and then a year without a value: unpriced days
                        tariff.add(new Recorded(start, new SetBandValue(band, new FinancialYear(fy), money(random),
                                null)));
                    }
                }
                if (random.nextBoolean()) {
                    tariff.add(new Recorded(start, new SetProvisionTopUpRate(provision, new FinancialYear(fy),
                            money(random), null)));
                }
            }
            // a correction of a band's value, recorded on a random day: adjusts months already scheduled
            if (random.nextBoolean()) {
                later.add(new Recorded(day(random, FIRST_ADMISSION, LAST_DAY), new SetBandValue(
                        bands.get(random.nextInt(3)), new FinancialYear(2026 + random.nextInt(3)), money(random),
                        "schools forum correction")));
            }
            List<PlacementId> placements = new ArrayList<>();
            List<Recorded> stays = new ArrayList<>();
            int pupils = 2 + random.nextInt(2);
            for (int i = 0; i < pupils; i++) {
                PlacementId id = PlacementId.random();
                placements.add(id);
                LocalDate admitted = day(random, FIRST_ADMISSION, LocalDate.of(2028, 12, 31));
                LocalDate offered = admitted.minusDays(random.nextInt(20));
                LocalDate left = random.nextInt(10) < 6 ? admitted.plusDays(1 + random.nextInt(600)) : null;
                LocalDate recorded = day(random, offered, admitted.plusDays(40));
                stays.add(new Recorded(recorded, refer(id, n * 10 + i)));
                stays.add(new Recorded(recorded, new OfferPlace(id, provision, offered, null, null)));
                stays.add(new Recorded(recorded, new AdmitPupil(id, admitted, null, null)));
                LocalDate lastFunded = left == null ? offered.plusDays(900) : left.minusDays(1);
                int topUps = random.nextInt(5);
                for (int t = 0; t < topUps; t++) {
                    LocalDate from = day(random, offered, lastFunded.isBefore(offered) ? offered : lastFunded);
                    boolean ownRate = random.nextInt(5) == 0;
                    later.add(new Recorded(day(random, recorded, recorded.plusDays(500)), new AssignTopUp(id,
                            ownRate ? TopUpBasis.PROVISION_RATE : TopUpBasis.BAND,
                            ownRate ? null : bands.get(random.nextInt(3)), from, "review " + t)));
                }
                if (left != null) {
                    Object leaving = random.nextBoolean() ? new MoveToMainstream(id, left, null)
                            : new EndPlacement(id, left, EndReason.LEFT_AREA, null);
                    later.add(new Recorded(day(random, recorded, left.plusDays(60)), leaving));
                }
            }
            // in the order recorded; a placement's own commands keep theirs (referral, offer, admission first)
            List<Recorded> all = new ArrayList<>(tariff);
            stays.sort(Comparator.comparing(Recorded::on));
            later.sort(Comparator.comparing(Recorded::on));
            all.addAll(merge(stays, later));
            List<LocalDate> checks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                checks.add(day(random, FIRST_ADMISSION, LAST_DAY));
            }
            checks.add(LocalDate.of(2028, 2, 29));
            return new Story(provision, urn, bands, placements, all, checks);
        }

        /** Both lists by day; a top-up or leaving is never before its placement's admission command. */
        private static List<Recorded> merge(List<Recorded> stays, List<Recorded> later) {
            List<Recorded> all = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < stays.size() || j < later.size()) {
                if (j >= later.size() || (i < stays.size() && !stays.get(i).on().isAfter(later.get(j).on()))) {
                    all.add(stays.get(i++));
                } else {
                    all.add(later.get(j++));
                }
            }
            return all;
        }

        private static ReferPupil refer(PlacementId id, int n) {
            String digits = String.format("%012d", 500_000_000L + n);
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * (i + 2);
            }
            Upn upn = new Upn("ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23) + digits);
            return new ReferPupil(id, new PupilDetails(upn, "Led", "Ger", LocalDate.of(2018, 3, 3)), 3,
                    NeedCode.ASD, Set.of(), EhcpStatus.EHCP, null, new SchoolUrn("100001"), REFERRED, null);
        }

        private static LocalDate day(Random random, LocalDate from, LocalDate to) {
            long span = to.toEpochDay() - from.toEpochDay();
            return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
        }

        private static BigDecimal money(Random random) {
            return BigDecimal.valueOf(100_000 + random.nextInt(900_000), 2);
        }
    }

    /**
     * The independent computation: the accepted commands replayed day by day. What is known at a moment is what was
     * recorded before it; on a day the top-up in force is the known assignment with the latest effective day on or
     * before it (of two from the same day, the one recorded later), priced by the latest known value of its band (or
     * of the provision's own rate) for that day's financial year.
     */
    record Model(Story story, List<Sent> accepted) {

        Map<YearMonth, BigDecimal> months(PlacementId placement, Instant knownBefore, YearMonth lastMonth) {
            LocalDate admitted = null;
            LocalDate left = null;
            List<AssignTopUp> topUps = new ArrayList<>();
            Map<String, BigDecimal> tariff = new HashMap<>();
            for (Sent r : accepted) {
                if (!r.at().isBefore(knownBefore)) {
                    continue;
                }
                Object c = r.command();
                if (c instanceof SetBandValue v) {
                    tariff.put(v.band().value() + " " + v.financialYear(), v.annualValue());
                } else if (c instanceof SetProvisionTopUpRate v) {
                    tariff.put("OWN " + v.financialYear(), v.annualValue());
                } else if (c instanceof AdmitPupil a && a.placementId().equals(placement)) {
                    admitted = a.admittedOn();
                } else if (c instanceof MoveToMainstream m && m.placementId().equals(placement)) {
                    left = m.effectiveFrom();
                } else if (c instanceof EndPlacement e && e.placementId().equals(placement)) {
                    left = e.effectiveFrom();
                } else if (c instanceof AssignTopUp t && t.placementId().equals(placement)) {
                    topUps.add(t);
                }
            }
            Map<YearMonth, BigDecimal> sums = new TreeMap<>();
            if (admitted == null) {
                return sums;
            }
            LocalDate end = left != null ? left : lastMonth.plusMonths(1).atDay(1);
            for (LocalDate d = admitted; d.isBefore(end) && !YearMonth.from(d).isAfter(lastMonth); d = d.plusDays(1)) {
                AssignTopUp inForce = null;
                for (AssignTopUp t : topUps) {
                    if (!t.effectiveFrom().isAfter(d)
                            && (inForce == null || !t.effectiveFrom().isBefore(inForce.effectiveFrom()))) {
                        inForce = t;
                    }
                }
                BigDecimal value = null;
                if (inForce != null) {
                    String key = (inForce.basis() == TopUpBasis.PROVISION_RATE ? "OWN" : inForce.band().value())
                            + " " + FinancialYear.of(d);
                    value = tariff.get(key);
                }
                sums.merge(YearMonth.from(d), value == null ? BigDecimal.ZERO : value, BigDecimal::add);
            }
            Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
            sums.forEach((month, sum) -> months.put(month, sum.divide(BigDecimal.valueOf(12L * month.lengthOfMonth()),
                    2, RoundingMode.HALF_UP)));
            return months;
        }
    }
}
