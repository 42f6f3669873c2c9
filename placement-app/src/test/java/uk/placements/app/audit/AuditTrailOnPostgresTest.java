package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link AuditTrailTest} on a real PostgreSQL. */
@OnPostgres
class AuditTrailOnPostgresTest extends AuditTrailTest {
}
