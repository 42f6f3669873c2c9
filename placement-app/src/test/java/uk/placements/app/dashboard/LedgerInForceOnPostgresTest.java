package uk.placements.app.dashboard;

import org.junit.jupiter.api.Test;
import uk.placements.command.postgres.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LedgerInForceTest} on a real PostgreSQL, where the row in force is joined laterally: its tests check
 * PostgreSQL's plan here, so this class makes sure that is the database they meet.
 */
@OnPostgres
class LedgerInForceOnPostgresTest extends LedgerInForceTest {

    @Test
    void theInheritedTestsMeetPostgreSql() {
        assertThat(postgres()).isTrue();
    }
}
