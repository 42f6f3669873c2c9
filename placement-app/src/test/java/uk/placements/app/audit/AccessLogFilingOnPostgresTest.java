package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link AccessLogFilingTest} on a real PostgreSQL, whose row locks and snapshots differ from H2's. */
@OnPostgres
class AccessLogFilingOnPostgresTest extends AccessLogFilingTest {
}
