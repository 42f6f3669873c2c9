package uk.placements.app.dashboard;

import uk.placements.command.postgres.OnPostgres;

/** {@link WaitingListIndexTest} on a real PostgreSQL, whose waiting index is partial. */
@OnPostgres
class WaitingListIndexOnPostgresTest extends WaitingListIndexTest {
}
