package uk.placements.app.read;

import uk.placements.command.postgres.OnPostgres;

/** {@link PlacementReadsTest} on a real PostgreSQL. */
@OnPostgres
class PlacementReadsOnPostgresTest extends PlacementReadsTest {
}
