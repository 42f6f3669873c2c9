package uk.placements.app.dashboard;

import uk.placements.command.postgres.OnPostgres;

/** {@link OverCapacityDecisionsTest} on a real PostgreSQL. */
@OnPostgres
class OverCapacityDecisionsOnPostgresTest extends OverCapacityDecisionsTest {
}
