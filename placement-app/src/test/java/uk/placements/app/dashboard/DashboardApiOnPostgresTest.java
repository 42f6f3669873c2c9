package uk.placements.app.dashboard;

import uk.placements.command.postgres.OnPostgres;

/** {@link DashboardApiTest} on a real PostgreSQL. */
@OnPostgres
class DashboardApiOnPostgresTest extends DashboardApiTest {
}
