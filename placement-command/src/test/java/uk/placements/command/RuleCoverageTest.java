package uk.placements.command;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import uk.placements.command.placement.domain.PlacementRulesTest;
import uk.placements.command.provision.domain.ProvisionRulesTest;
import uk.placements.command.funding.domain.FundingRulesTest;
import uk.placements.command.funding.domain.PlaceChangeRulesTest;
import uk.placements.command.funding.domain.TariffRulesTest;
import uk.placements.shared.common.Rule;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md: every rule has a fixture test naming it. A rule added to {@link Rule} without one fails here. */
class RuleCoverageTest {

    @Test
    @DisplayName("every rule code is named by at least one aggregate fixture test")
    void everyRuleHasAFixtureTest() {
        Set<String> names = Stream.of(PlacementRulesTest.class, ProvisionRulesTest.class, TariffRulesTest.class,
                        FundingRulesTest.class, PlaceChangeRulesTest.class)
                .flatMap(RuleCoverageTest::withNested)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .flatMap(RuleCoverageTest::testNames)
                .collect(Collectors.toSet());

        assertThat(Rule.values()).allSatisfy(rule -> assertThat(names)
                .as("tests naming " + rule.code())
                .anyMatch(name -> name.startsWith(rule.code() + ":")));
    }

    private static Stream<Class<?>> withNested(Class<?> type) {
        return Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredClasses()).flatMap(
                RuleCoverageTest::withNested));
    }

    private static Stream<String> testNames(Method method) {
        Stream<String> displayed = method.isAnnotationPresent(DisplayName.class)
                ? Stream.of(method.getAnnotation(DisplayName.class).value()) : Stream.empty();
        Stream<String> parameterized = method.isAnnotationPresent(ParameterizedTest.class)
                ? Stream.of(method.getAnnotation(ParameterizedTest.class).name()) : Stream.empty();
        boolean isTest = method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class);
        return isTest ? Stream.concat(displayed, parameterized) : Stream.empty();
    }
}
