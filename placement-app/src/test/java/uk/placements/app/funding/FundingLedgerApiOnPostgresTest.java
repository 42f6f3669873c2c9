package uk.placements.app.funding;

import uk.placements.command.postgres.OnPostgres;

/** {@link FundingLedgerApiTest} on a real PostgreSQL. */
@OnPostgres
class FundingLedgerApiOnPostgresTest extends FundingLedgerApiTest {
}
