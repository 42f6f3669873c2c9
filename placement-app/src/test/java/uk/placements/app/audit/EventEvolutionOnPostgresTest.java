package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link EventEvolutionTest} on a real PostgreSQL. */
@OnPostgres
class EventEvolutionOnPostgresTest extends EventEvolutionTest {
}
