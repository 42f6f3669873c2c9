package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link AccessLogTest} on a real PostgreSQL. */
@OnPostgres
class AccessLogOnPostgresTest extends AccessLogTest {
}
