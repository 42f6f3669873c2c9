package uk.placements.command.http;

import uk.placements.command.postgres.OnPostgres;

/** {@link RaceConditionsTest} on a real PostgreSQL. */
@OnPostgres
class RaceConditionsOnPostgresTest extends RaceConditionsTest {
}
