package uk.placements.app.returns;

import uk.placements.command.postgres.OnPostgres;

/** {@link ScapReturnsTest} on a real PostgreSQL. */
@OnPostgres
class ScapReturnsOnPostgresTest extends ScapReturnsTest {
}
