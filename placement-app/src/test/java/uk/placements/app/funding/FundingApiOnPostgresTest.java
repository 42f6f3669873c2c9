package uk.placements.app.funding;

import uk.placements.command.postgres.OnPostgres;

/** {@link FundingApiTest} on a real PostgreSQL. */
@OnPostgres
class FundingApiOnPostgresTest extends FundingApiTest {
}
