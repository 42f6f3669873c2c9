package uk.placements.app.demo;

import uk.placements.command.postgres.OnPostgres;

/** {@link DemoDataLoaderTest} on a real PostgreSQL: a whole authority through the command side. */
@OnPostgres
class DemoDataLoaderOnPostgresTest extends DemoDataLoaderTest {
}
