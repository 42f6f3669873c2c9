package uk.placements.app.dashboard;

import org.junit.jupiter.api.Test;
import uk.placements.app.QueryPlans;
import uk.placements.command.postgres.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WaitingListIndexTest} on a real PostgreSQL, whose waiting index is partial. The inherited PostgreSQL-only
 * tests skip themselves on any other database, so this class makes sure that is the database they meet.
 */
@OnPostgres
class WaitingListIndexOnPostgresTest extends WaitingListIndexTest {

    @Test
    void theInheritedTestsMeetPostgreSql() {
        assertThat(QueryPlans.onPostgres(jdbc)).isTrue();
    }
}
