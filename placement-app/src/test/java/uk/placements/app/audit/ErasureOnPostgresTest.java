package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link ErasureTest} on a real PostgreSQL. */
@OnPostgres
class ErasureOnPostgresTest extends ErasureTest {
}
