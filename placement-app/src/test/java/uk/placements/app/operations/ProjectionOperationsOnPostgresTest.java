package uk.placements.app.operations;

import uk.placements.command.postgres.OnPostgres;

/** {@link ProjectionOperationsTest} on a real PostgreSQL. */
@OnPostgres
class ProjectionOperationsOnPostgresTest extends ProjectionOperationsTest {
}
