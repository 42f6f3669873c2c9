package uk.placements.app.returns;

import org.junit.jupiter.api.Test;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.query.scap.ScapForecast;
import uk.placements.query.scap.ScapForecast.Exit;
import uk.placements.query.scap.ScapForecast.Fact;
import uk.placements.query.scap.ScapPhase;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawReferral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-test of the SCAP demand forecast (docs/returns.md, "SCAP: the demand forecast", "Back-test"): authorities
 * made by the demo generator (deterministic by seed, two years of casework up to {@link #TODAY}) are replayed in
 * memory into the forecast's facts; a forecast made on {@link #CUT_OFF}, a year before the end, from the history up
 * to it only, is compared with the pupils the same history shows needing a place a year later. The generator's
 * history is two years long, so the forecast is one year ahead from its middle.
 * <p>
 * The error by phase is the mean absolute percentage error over the seeds; it is compared with the naive forecast
 * "next year as now", which a method that reads the flows should beat.
 */
class ScapForecastBackTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final LocalDate CUT_OFF = TODAY.minusYears(1);
    private static final int SEEDS = 8;

    @Test
    void aForecastFromTheMiddleOfAGeneratedHistoryIsCloseToWhatTheHistoryThenShows() {
        Map<ScapPhase, List<Double>> errors = new LinkedHashMap<>();
        Map<ScapPhase, List<Double>> naiveErrors = new LinkedHashMap<>();
        List<Double> totalErrors = new ArrayList<>();
        List<Double> totalBias = new ArrayList<>();
        for (ScapPhase phase : ScapPhase.values()) {
            errors.put(phase, new ArrayList<>());
            naiveErrors.put(phase, new ArrayList<>());
        }
        System.out.printf("SCAP back-test: forecast on %s for %s, demo authorities of 36 provisions and 600 "
                + "referrals%n", CUT_OFF, TODAY);
        System.out.println("seed  phase      now  forecast  actual  error  naive-error");
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<Fact> history = facts(new AuthorityGenerator(seed, TODAY).generate(36, 600));
            ScapForecast.Projection projection = ScapForecast.project(history, CUT_OFF, 1);
            ScapForecast.Counts forecast = projection.years().get(0);
            ScapForecast.Counts actual = ScapForecast.needingAPlace(history, TODAY);
            ScapForecast.Counts now = projection.observed();
            for (ScapPhase phase : ScapPhase.values()) {
                double f = forecast.phase(phase);
                double a = actual.phase(phase);
                double n = now.phase(phase);
                assertThat(a).as("seed %d %s: the generated history has pupils in every phase", seed, phase)
                        .isPositive();
                errors.get(phase).add(Math.abs(f - a) / a);
                naiveErrors.get(phase).add(Math.abs(n - a) / a);
                System.out.printf("%4d  %-9s %4.0f  %8.1f  %6.0f  %4.0f%%  %4.0f%%%n", seed, phase, n, f, a,
                        100 * Math.abs(f - a) / a, 100 * Math.abs(n - a) / a);
            }
            // where the difference comes from: the pupils of the cut-off who stay, and the new ones
            double newForecast = projection.parameters().phases().stream()
                    .mapToDouble(ScapForecast.ForecastPhaseRate::newPupilsPerYear).sum();
            List<Fact> newOnes = history.stream().filter(x -> x.referredOn().isAfter(CUT_OFF)).toList();
            double newActual = ScapForecast.needingAPlace(newOnes, TODAY).total();
            System.out.printf("      staying: forecast %.1f, actual %.0f; new: forecast %.1f, actual %.0f%n",
                    forecast.total() - newForecast, actual.total() - newActual, newForecast, newActual);
            totalErrors.add(Math.abs(forecast.total() - actual.total()) / actual.total());
            totalBias.add((forecast.total() - actual.total()) / actual.total());
        }
        Map<ScapPhase, Double> mape = new LinkedHashMap<>();
        for (ScapPhase phase : ScapPhase.values()) {
            mape.put(phase, mean(errors.get(phase)));
            System.out.printf("MAPE %-9s %5.1f%%  (naive %5.1f%%)%n", phase, 100 * mean(errors.get(phase)),
                    100 * mean(naiveErrors.get(phase)));
        }
        System.out.printf("MAPE all phases %5.1f%%, mean signed error %+5.1f%%%n", 100 * mean(totalErrors),
                100 * mean(totalBias));

        // The bounds (docs/returns.md, "Back-test"): a generated history starts empty, so its first year sees only
        // the first months of each placement and understates leaving; the forecast over-counts by about a sixth
        // (the signed error). A quarter by phase (a third for post-16's few pupils) allows that and the seeds'
        // spread, and still fails a method that drops a flow: next year as now is 30% to 50% out.
        assertThat(mean(totalErrors)).as("all phases together").isLessThan(0.25);
        assertThat(mape.get(ScapPhase.PRIMARY)).isLessThan(0.25);
        assertThat(mape.get(ScapPhase.SECONDARY)).isLessThan(0.25);
        assertThat(mape.get(ScapPhase.POST_16)).as("small numbers").isLessThan(0.35);
        for (ScapPhase phase : ScapPhase.values()) {
            assertThat(mape.get(phase)).as("%s beats next year as now", phase)
                    .isLessThan(mean(naiveErrors.get(phase)));
        }
    }

    /** The forecast's facts from the plan's commands, replayed in memory in their order. */
    static List<Fact> facts(AuthorityPlan plan) {
        Map<PlacementId, Fact> facts = new LinkedHashMap<>();
        for (Object command : plan.commands()) {
            if (command instanceof ReferPupil r) {
                facts.put(r.placementId(), new Fact(r.primaryNeed(), r.yearGroup(), r.ehcpStatus(), r.referredOn(),
                        null, null));
            } else if (command instanceof WithdrawReferral w) {
                facts.computeIfPresent(w.placementId(), (id, f) -> left(f, w.on(), Exit.WITHDRAWN));
            } else if (command instanceof MoveToMainstream m) {
                facts.computeIfPresent(m.placementId(), (id, f) -> left(f, m.effectiveFrom(),
                        Exit.MOVED_TO_MAINSTREAM));
            } else if (command instanceof EndPlacement e) {
                facts.computeIfPresent(e.placementId(), (id, f) -> left(f, e.effectiveFrom(),
                        e.reason() == EndReason.PHASE_TRANSFER ? Exit.ENDED_AT_PHASE_TRANSFER : Exit.ENDED));
            }
        }
        return List.copyOf(facts.values());
    }

    private static Fact left(Fact f, LocalDate on, Exit exit) {
        return new Fact(f.need(), f.yearGroup(), f.ehcpStatus(), f.referredOn(), on, exit);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
