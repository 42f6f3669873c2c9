package uk.placements.app.read;

import uk.placements.command.postgres.OnPostgres;

/** {@link ProvisionReadsTest} on a real PostgreSQL. */
@OnPostgres
class ProvisionReadsOnPostgresTest extends ProvisionReadsTest {
}
