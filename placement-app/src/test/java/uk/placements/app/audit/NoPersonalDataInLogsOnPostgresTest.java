package uk.placements.app.audit;

import uk.placements.command.postgres.OnPostgres;

/** {@link NoPersonalDataInLogsTest} on a real PostgreSQL. */
@OnPostgres
class NoPersonalDataInLogsOnPostgresTest extends NoPersonalDataInLogsTest {
}
