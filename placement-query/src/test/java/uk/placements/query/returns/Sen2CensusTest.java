package uk.placements.query.returns;

import org.junit.jupiter.api.Test;
import uk.placements.edge.web.InvalidField;
import uk.placements.shared.common.NeedCode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SEN2 window's defaults and the ranking of needs (docs/returns.md). */
class Sen2CensusTest {

    @Test
    void theCensusDayIsTheThirdThursdayOfJanuary() {
        assertThat(Sen2Census.censusDayOf(2025)).isEqualTo(LocalDate.of(2025, 1, 16));
        assertThat(Sen2Census.censusDayOf(2026)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(Sen2Census.censusDayOf(2027)).isEqualTo(LocalDate.of(2027, 1, 21));
    }

    @Test
    void byDefaultTheReturnIsTheNextCensusDaysAndCoversTheCalendarYearBeforeIt() {
        assertThat(Sen2Census.of(null, null, LocalDate.of(2026, 12, 5)))
                .isEqualTo(new Sen2Census(LocalDate.of(2027, 1, 21), LocalDate.of(2026, 1, 1)));
        // on census day itself, and until it has passed, this January's return
        assertThat(Sen2Census.of(null, null, LocalDate.of(2027, 1, 21)).censusDay())
                .isEqualTo(LocalDate.of(2027, 1, 21));
        assertThat(Sen2Census.of(null, null, LocalDate.of(2027, 1, 22)).censusDay())
                .isEqualTo(LocalDate.of(2028, 1, 20));
        assertThat(Sen2Census.of("2026-01-15", null, LocalDate.of(2026, 12, 5)).from())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrAnImplausibleDateIsRefused() {
        assertThatThrownBy(() -> Sen2Census.of("2027-01-21", "2027-02-01", LocalDate.now()))
                .isInstanceOf(InvalidField.class).hasMessageContaining("on or before");
        assertThatThrownBy(() -> Sen2Census.of("1999-01-21", null, LocalDate.now()))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> Sen2Census.of("21/01/2027", null, LocalDate.now()))
                .isInstanceOf(InvalidField.class);
    }

    @Test
    void thePrimaryNeedRanksFirstAndSecondaryNeedsFollowSen2sCodeListOrder() {
        assertThat(Sen2PlacementExport.rankedNeeds("SLCN", "ASD,HI,OTH"))
                .containsExactly(NeedCode.SLCN, NeedCode.HI, NeedCode.ASD, NeedCode.OTH);
        assertThat(Sen2PlacementExport.rankedNeeds("ASD", "")).containsExactly(NeedCode.ASD);
        // a secondary need repeating the primary adds no second rank
        assertThat(Sen2PlacementExport.rankedNeeds("ASD", "ASD,SPLD")).containsExactly(NeedCode.ASD, NeedCode.SPLD);
    }

    @Test
    void everyNeedCodeIsSen2sCodeOfTheSameName() {
        for (NeedCode need : NeedCode.values()) {
            assertThat(Sen2Codes.senType(need)).isEqualTo(need.name());
        }
    }
}
