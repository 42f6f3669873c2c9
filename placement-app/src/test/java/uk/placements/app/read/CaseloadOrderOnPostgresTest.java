package uk.placements.app.read;

import uk.placements.command.postgres.OnPostgres;

/** {@link CaseloadOrderTest} on a real PostgreSQL. */
@OnPostgres
class CaseloadOrderOnPostgresTest extends CaseloadOrderTest {
}
