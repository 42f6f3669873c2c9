package uk.placements.app.returns;

import uk.placements.command.postgres.OnPostgres;

/** {@link Sen2ExportTest} on a real PostgreSQL. */
@OnPostgres
class Sen2ExportOnPostgresTest extends Sen2ExportTest {
}
