package uk.placements.command.funding.domain;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.util.Map;

import static uk.placements.command.FixtureMatchers.violationOf;
import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;

/** The tariff's rules of docs/funding.md, each broken and kept, through the Tariff aggregate. */
public class TariffRulesTest {

    private static final BandCode BAND_1 = new BandCode("BAND-1");
    private static final FinancialYear FY_2025 = FinancialYear.parse("2025-26");
    private static final AcademicYear AY_2025 = AcademicYear.parse("2025-26");
    private static final ProvisionId RB = new ProvisionId("RB-NORTH-01");

    private FixtureConfiguration<Tariff> fixture;
    private InMemoryFundingFacts facts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tariff.class);
        facts = new InMemoryFundingFacts();
        fixture.registerInjectableResource(facts);
    }

    private static BigDecimal pounds(String value) {
        return new BigDecimal(value);
    }

    @Test
    @DisplayName("the first band value creates the tariff, in pounds and pence")
    void firstBandValueCreatesTheTariff() {
        fixture.givenNoPriorActivity()
                .when(new SetBandValue(BAND_1, FY_2025, pounds("1600"), null))
                .expectEvents(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .expectResultMessagePayload(0L);
    }

    // --- R-POSITIVE ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-POSITIVE: a band value of zero is refused")
    void zeroBandValueIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetBandValue(BAND_1, FY_2025, pounds("0.00"), null))
                .expectException(violationOf(Rule.POSITIVE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-POSITIVE: a negative place rate is refused")
    void negativePlaceRateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetPlaceRate(ProvisionType.SEN_UNIT, AY_2025, pounds("-6000"), null))
                .expectException(violationOf(Rule.POSITIVE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-POSITIVE: a positive place rate is recorded")
    void positivePlaceRateIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new SetPlaceRate(ProvisionType.RESOURCE_BASE, AY_2025, pounds("6000"), null))
                .expectEvents(new PlaceRateSet(ProvisionType.RESOURCE_BASE, AY_2025, pounds("6000.00"), null, null));
    }

    @Test
    @DisplayName("fractions of a penny are invalid input, not a rule")
    void fractionsOfAPennyAreInvalid() {
        fixture.givenNoPriorActivity()
                .when(new SetBandValue(BAND_1, FY_2025, pounds("1600.005"), null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // --- R-NO-OVERLAP ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-NO-OVERLAP: a second value for a band's financial year without a reason is refused")
    void secondBandValueForTheSameYearIsRefusedWithoutReason() {
        fixture.given(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .when(new SetBandValue(BAND_1, FY_2025, pounds("1650.00"), " "))
                .expectException(violationOf(Rule.NO_OVERLAP))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NO-OVERLAP: a second place rate for a type's academic year without a reason is refused")
    void secondPlaceRateForTheSameYearIsRefusedWithoutReason() {
        fixture.given(new PlaceRateSet(ProvisionType.SEN_UNIT, AY_2025, pounds("6000.00"), null, null))
                .when(new SetPlaceRate(ProvisionType.SEN_UNIT, AY_2025, pounds("6500"), null))
                .expectException(violationOf(Rule.NO_OVERLAP))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NO-OVERLAP: a correction with a reason replaces the value and keeps the one it replaced")
    void correctionWithReasonIsRecorded() {
        fixture.given(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .when(new SetBandValue(BAND_1, FY_2025, pounds("1650.00"), " schools forum uplift "))
                .expectEvents(new BandValueSet(BAND_1, FY_2025, pounds("1650.00"), pounds("1600.00"),
                        "schools forum uplift"))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("R-NO-OVERLAP: the next financial year is another period and needs no reason")
    void nextYearIsAnotherPeriod() {
        FinancialYear next = FinancialYear.parse("2026-27");
        fixture.given(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .when(new SetBandValue(BAND_1, next, pounds("1700"), null))
                .expectEvents(new BandValueSet(BAND_1, next, pounds("1700.00"), null, null));
    }

    @Test
    @DisplayName("R-NO-OVERLAP: the value a period already has records nothing")
    void sameValueRecordsNothing() {
        fixture.given(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .when(new SetBandValue(BAND_1, FY_2025, pounds("1600"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    @DisplayName("R-NO-OVERLAP: a provision's own rate for a year it has one is refused without a reason")
    void secondProvisionRateIsRefusedWithoutReason() {
        facts.provisions.add(RB);
        fixture.given(new ProvisionTopUpRateSet(RB, FY_2025, pounds("4000.00"), null, null))
                .when(new SetProvisionTopUpRate(RB, FY_2025, pounds("4200"), null))
                .expectException(violationOf(Rule.NO_OVERLAP))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a provision's own rate is set for a provision that exists, and refused for one that does not")
    void provisionRateNeedsTheProvision() {
        fixture.givenNoPriorActivity()
                .when(new SetProvisionTopUpRate(RB, FY_2025, pounds("4000"), null))
                .expectException(AggregateNotFoundException.class);
        facts.provisions.add(RB);
        fixture.givenNoPriorActivity()
                .when(new SetProvisionTopUpRate(RB, FY_2025, pounds("4000"), null))
                .expectEvents(new ProvisionTopUpRateSet(RB, FY_2025, pounds("4000.00"), null, null));
    }

    @Test
    @DisplayName("a stale If-Match version is refused")
    void staleVersionIsRefused() {
        fixture.given(new BandValueSet(BAND_1, FY_2025, pounds("1600.00"), null, null))
                .when(new SetBandValue(BAND_1, FinancialYear.parse("2026-27"), pounds("1700"), null),
                        Map.of(EXPECTED_VERSION, 3L))
                .expectException(VersionConflict.class)
                .expectNoEvents();
    }
}
