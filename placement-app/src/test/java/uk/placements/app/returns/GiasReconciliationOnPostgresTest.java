package uk.placements.app.returns;

import uk.placements.command.postgres.OnPostgres;

/** {@link GiasReconciliationTest} on a real PostgreSQL. */
@OnPostgres
class GiasReconciliationOnPostgresTest extends GiasReconciliationTest {
}
