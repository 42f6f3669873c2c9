package uk.placements.app.dashboard;

import uk.placements.command.postgres.OnPostgres;

/** {@link DashboardCacheTest} on a real PostgreSQL: the counters move in the batches' own transactions there too. */
@OnPostgres
class DashboardCacheOnPostgresTest extends DashboardCacheTest {
}
