package uk.placements.app.security;

import uk.placements.command.postgres.OnPostgres;

/** {@link RoleMatrixTest} on a real PostgreSQL. */
@OnPostgres
class RoleMatrixOnPostgresTest extends RoleMatrixTest {
}
