package uk.placements.query.scap;

import org.junit.jupiter.api.Test;
import uk.placements.query.scap.ScapForecast.Exit;
import uk.placements.query.scap.ScapForecast.Fact;
import uk.placements.query.scap.ScapForecast.ProvisionPlaces;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.placements.query.scap.ScapPhase.POST_16;
import static uk.placements.query.scap.ScapPhase.PRIMARY;
import static uk.placements.query.scap.ScapPhase.SECONDARY;
import static uk.placements.shared.common.NeedCode.ASD;
import static uk.placements.shared.common.NeedCode.MLD;
import static uk.placements.shared.common.NeedCode.SEMH;

/**
 * The forecast's method (docs/returns.md, "SCAP: the demand forecast") on a history small enough to work by hand,
 * forecast from 1 May 2026. The history's first referral is on 10 January 2025, so one whole year of it sets the
 * rates: 1 May 2025 to 1 May 2026 (1 September 2025 in between moves every pupil up a year).
 */
class ScapForecastTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 1);
    private static final LocalDate JAN = LocalDate.of(2025, 1, 10);

    private static final List<Fact> HISTORY = List.of(
            // P1: Year 3, waiting or on roll throughout: 123 days in Year 3, 242 in Year 4; Year 4 now
            fact(ASD, 3, EhcpStatus.EHCP, JAN, null, null),
            // P2: Year 5, moved to mainstream in Year 6: 123 days in Year 5, 61 in Year 6; a primary leaver
            fact(ASD, 5, EhcpStatus.EHCP, JAN, LocalDate.of(2025, 11, 1), Exit.MOVED_TO_MAINSTREAM),
            // P3: Year 6, ended for a phase transfer on 1 September: 123 days in Year 6; a transfer leaver
            fact(ASD, 6, EhcpStatus.EHCP, JAN, LocalDate.of(2025, 9, 1), Exit.ENDED_AT_PHASE_TRANSFER),
            // P4: Year 10, referred in the window and still waiting: 92 days in Year 10, 242 in Year 11; a new pupil
            fact(SEMH, 10, EhcpStatus.ASSESSMENT, LocalDate.of(2025, 6, 1), null, null),
            // P5: no EHC plan: never counted
            fact(ASD, 2, EhcpStatus.NONE, LocalDate.of(2025, 7, 1), null, null),
            // P6: referred after the forecast's date: unknown to it
            fact(MLD, 0, EhcpStatus.EHCP, LocalDate.of(2026, 6, 1), null, null),
            // P7: Year 8, ends after the forecast's date, so still open to it: 123 days in Year 8, 242 in Year 9
            fact(ASD, 8, EhcpStatus.EHCP, JAN, LocalDate.of(2026, 6, 1), Exit.ENDED),
            // P8: Year 1, referred and withdrawn within the window: 30 days in Year 1; a primary leaver
            fact(ASD, 1, EhcpStatus.EHCP, LocalDate.of(2025, 9, 15), LocalDate.of(2025, 10, 15), Exit.WITHDRAWN),
            // P9: Year 6, moved up to Year 7 still needing a place: 123 days in Year 6, 242 in Year 7
            fact(ASD, 6, EhcpStatus.EHCP, JAN, null, null));

    /** Primary: P1 365 + P2 184 + P3 123 + P8 30 + P9 123 = 825 days; 2 leavers (P3 left at the transfer). */
    private static final double STAYS_PRIMARY = Math.exp(-2 / (825 / 365.25));
    /** Of the two pupils who reached the end of Year 6 (P3, P9), one left at the transfer. */
    private static final double STAYS_AT_TRANSFER_FROM_6 = 0.5;

    @Test
    void theRatesAreReadFromTheHistoryUpToTheForecastsDate() {
        ScapForecast.ForecastParameters p = ScapForecast.project(HISTORY, AS_OF, 5).parameters();
        assertThat(p.historyFrom()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(p.historyYears()).isEqualTo(1.0);
        assertThat(p.placementsRead()).as("P5 has no plan, P6 is later").isEqualTo(7);
        ScapForecast.ForecastPhaseRate primary = p.phases().get(0);
        assertThat(primary.pupilYears()).isEqualTo(ScapForecast.round(825 / 365.25, 2));
        assertThat(primary.leavers()).isEqualTo(2);
        assertThat(primary.staysAYear()).isCloseTo(STAYS_PRIMARY, within(1e-4));
        assertThat(primary.newPupilsPerYear()).isZero();
        ScapForecast.ForecastPhaseRate secondary = p.phases().get(1);
        // P4 334 + P7 365 + P9 242 = 941 days, nobody left (P7's ending is after the date)
        assertThat(secondary.pupilYears()).isEqualTo(ScapForecast.round(941 / 365.25, 2));
        assertThat(secondary.leavers()).isZero();
        assertThat(secondary.staysAYear()).isEqualTo(1.0);
        assertThat(secondary.newPupilsPerYear()).as("P4").isEqualTo(1.0);
        assertThat(p.phases().get(2).pupilYears()).isZero();
        assertThat(p.transfers()).containsExactly(new ScapForecast.ForecastTransfer(6, 2, 1, 0.5),
                new ScapForecast.ForecastTransfer(11, 0, 0, 0.0));
    }

    @Test
    void eachYearMovesThePupilsUpAppliesTheRatesAndAddsTheNewPupils() {
        ScapForecast.Projection projection = ScapForecast.project(HISTORY, AS_OF, 3);
        ScapForecast.Counts now = projection.observed();
        // P1 in Year 4; P9 Year 7, P7 Year 9, P4 Year 11
        assertThat(now.get(ASD, 4)).isEqualTo(1);
        assertThat(now.cell(SECONDARY, ASD)).isEqualTo(2);
        assertThat(now.get(SEMH, 11)).isEqualTo(1);
        assertThat(now.total()).isEqualTo(4);

        ScapForecast.Counts one = projection.years().get(0);
        assertThat(one.get(ASD, 5)).isCloseTo(STAYS_PRIMARY, within(1e-9));
        assertThat(one.get(ASD, 8)).isEqualTo(1.0);
        assertThat(one.get(ASD, 10)).isEqualTo(1.0);
        assertThat(one.get(SEMH, 12)).as("P4 into post-16: nobody left at that transfer").isEqualTo(1.0);
        assertThat(one.get(SEMH, 11)).as("a new Year 11 SEMH pupil, as each year").isEqualTo(1.0);

        ScapForecast.Counts two = projection.years().get(1);
        assertThat(two.cell(PRIMARY, ASD)).isCloseTo(STAYS_PRIMARY * STAYS_PRIMARY, within(1e-9));
        assertThat(two.cell(SECONDARY, ASD)).isEqualTo(2.0);
        assertThat(two.cell(SECONDARY, SEMH)).isEqualTo(1.0);
        assertThat(two.cell(POST_16, SEMH)).isEqualTo(2.0);

        ScapForecast.Counts three = projection.years().get(2);
        assertThat(three.cell(PRIMARY, ASD)).isZero();
        // P1 leaves Year 6: primary's rate for the year, then half stay at the transfer
        assertThat(three.cell(SECONDARY, ASD)).isCloseTo(1 + Math.pow(STAYS_PRIMARY, 3) * STAYS_AT_TRANSFER_FROM_6,
                within(1e-9));
        assertThat(three.cell(POST_16, ASD)).isEqualTo(1.0);
        // P4 has left after Year 13; the new pupils of years 1 and 2 are in Years 13 and 12, year 3's in Year 11
        assertThat(three.cell(POST_16, SEMH)).isEqualTo(2.0);
        assertThat(three.cell(SECONDARY, SEMH)).isEqualTo(1.0);
    }

    @Test
    void placesAreSharedByYearGroupsAndNeedsAndComparedWithThePupils() {
        // one all-through provision, Reception to Year 13, 14 places for ASD and SEMH: 7, 5 and 2 by phase
        ProvisionPlaces base = new ProvisionPlaces("SU-1", 0, 13, List.of(ASD, SEMH), 14);
        ScapForecast.DemandForecast f = ScapForecast.forecast(HISTORY, AS_OF, day -> List.of(base));
        assertThat(f.years()).hasSize(5);
        ScapForecast.ForecastYear two = f.years().get(1);
        assertThat(two.countedOn()).isEqualTo(LocalDate.of(2028, 5, 1));
        assertThat(two.academicYear()).isEqualTo("2027-28");
        assertThat(f.observed().academicYear()).isEqualTo("2025-26");
        assertThat(two.cells()).contains(
                new ScapForecast.ForecastCell(PRIMARY, ASD, 0.2, 3.5, 0.0, 3.3),
                new ScapForecast.ForecastCell(SECONDARY, ASD, 2.0, 2.5, 0.0, 0.5),
                new ScapForecast.ForecastCell(POST_16, SEMH, 2.0, 1.0, 1.0, 0.0));
        assertThat(two.phases()).contains(new ScapForecast.ForecastPhaseTotal(POST_16, 2.0, 2.0, 0.0, 0.0));
        assertThat(two.cells()).as("no pupils and no places: no row")
                .noneMatch(c -> c.need() == NeedCode.PMLD);
    }

    @Test
    void wholePlacesByPhaseAddUpToTheProvisionsPlaces() {
        assertThat(ScapForecast.wholePlacesByPhase(14, 0, 13)).containsExactly(7, 5, 2);
        // 10 places for Years 7 to 13: 50/7 secondary, 20/7 post-16; the remainder to the larger fraction
        assertThat(ScapForecast.wholePlacesByPhase(10, 7, 13)).containsExactly(0, 7, 3);
        assertThat(ScapForecast.wholePlacesByPhase(8, 0, 6)).containsExactly(8, 0, 0);
    }

    @Test
    void aPupilsYearGroupRisesEachFirstOfSeptember() {
        Fact p = fact(ASD, 6, EhcpStatus.EHCP, LocalDate.of(2025, 8, 31), null, null);
        assertThat(ScapForecast.yearGroupOn(p, LocalDate.of(2025, 8, 31))).isEqualTo(6);
        assertThat(ScapForecast.yearGroupOn(p, LocalDate.of(2025, 9, 1))).isEqualTo(7);
        assertThat(ScapForecast.yearGroupOn(p, LocalDate.of(2027, 5, 1))).isEqualTo(8);
    }

    private static Fact fact(NeedCode need, int year, EhcpStatus ehcp, LocalDate referred, LocalDate exited,
                             Exit exit) {
        return new Fact(need, year, ehcp, referred, exited, exit);
    }
}
