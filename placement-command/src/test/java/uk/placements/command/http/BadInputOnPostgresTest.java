package uk.placements.command.http;

import uk.placements.command.postgres.OnPostgres;

/** {@link BadInputTest} on a real PostgreSQL. */
@OnPostgres
class BadInputOnPostgresTest extends BadInputTest {
}
