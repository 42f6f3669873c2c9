package uk.placements.command.http;

import uk.placements.command.postgres.OnPostgres;

/** {@link WriteConventionsTest} on a real PostgreSQL. */
@OnPostgres
class WriteConventionsOnPostgresTest extends WriteConventionsTest {
}
