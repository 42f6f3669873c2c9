package uk.placements.app.bases;

import uk.placements.command.postgres.OnPostgres;

/** {@link InclusionBasesApiTest} on a real PostgreSQL. */
@OnPostgres
class InclusionBasesApiOnPostgresTest extends InclusionBasesApiTest {
}
