package uk.placements.app.eventstore;

import uk.placements.command.postgres.OnPostgres;

/** {@link EventStreamGapsTest} on a real PostgreSQL. */
@OnPostgres
class EventStreamGapsOnPostgresTest extends EventStreamGapsTest {
}
