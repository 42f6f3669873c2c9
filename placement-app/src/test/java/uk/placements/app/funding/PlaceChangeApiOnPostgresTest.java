package uk.placements.app.funding;

import uk.placements.command.postgres.OnPostgres;

/** {@link PlaceChangeApiTest} on a real PostgreSQL. */
@OnPostgres
class PlaceChangeApiOnPostgresTest extends PlaceChangeApiTest {
}
