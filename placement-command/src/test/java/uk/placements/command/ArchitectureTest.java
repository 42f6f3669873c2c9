package uk.placements.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.placements.command.placement.domain.PlacementDecisions;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.provision.domain.ProvisionDecisions;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.provision.ProvisionState;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layers honest: a framework-free domain and message contract, and no rule in a controller. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.placements");
    }

    @Test
    @DisplayName("the placement and provision domains know nothing of Spring, JPA or servlets")
    void domainIsFrameworkFree() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("..command.placement.domain..", "..command.provision.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..");
        rule.check(classes);
    }

    @Test
    @DisplayName("the domains do not reach out to the HTTP edge")
    void domainDoesNotDependOnTheWeb() {
        noClasses()
                .that().resideInAnyPackage("..command.placement.domain..", "..command.provision.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..security..")
                .check(classes);
    }

    @Test
    @DisplayName("the shared message contract knows nothing of Spring")
    void sharedEventsAreSpringFree() {
        noClasses()
                .that().resideInAPackage("uk.placements.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    @DisplayName("controllers hold no rules: they neither decide nor fold state nor refuse on their own")
    void controllersHoldNoRules() {
        noClasses()
                .that().resideInAPackage("..web..")
                .should().dependOnClassesThat()
                .belongToAnyOf(PlacementDecisions.class, ProvisionDecisions.class, PlacementState.class,
                        ProvisionState.class)
                .check(classes);
        noClasses()
                .that().resideInAPackage("..web..")
                .should().callMethod(RuleViolation.class, "require", boolean.class,
                        uk.placements.shared.common.Rule.class, String.class)
                .orShould().callConstructor(RuleViolation.class, uk.placements.shared.common.Rule.class,
                        String.class)
                .check(classes);
    }
}
