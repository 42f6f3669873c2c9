package uk.placements.command.http;

import uk.placements.command.postgres.OnPostgres;

/** {@link HardeningTest} on a real PostgreSQL. */
@OnPostgres
class HardeningOnPostgresTest extends HardeningTest {
}
