package uk.placements.app.candidates;

import uk.placements.command.postgres.OnPostgres;

/** {@link CandidatesApiTest} on a real PostgreSQL. */
@OnPostgres
class CandidatesApiOnPostgresTest extends CandidatesApiTest {
}
