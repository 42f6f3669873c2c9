package uk.placements.app.read;

import org.junit.jupiter.api.Test;
import uk.placements.command.postgres.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CaseloadOrderTest} on a real PostgreSQL: its tests run here against PostgreSQL's plans, so this class makes
 * sure that is the database they meet (on H2 they would check H2's plans and pass).
 */
@OnPostgres
class CaseloadOrderOnPostgresTest extends CaseloadOrderTest {

    @Test
    void theInheritedTestsMeetPostgreSql() {
        assertThat(postgres()).isTrue();
    }
}
