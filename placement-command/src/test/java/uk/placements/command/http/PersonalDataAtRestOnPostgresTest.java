package uk.placements.command.http;

import uk.placements.command.postgres.OnPostgres;

/** {@link PersonalDataAtRestTest} on a real PostgreSQL. */
@OnPostgres
class PersonalDataAtRestOnPostgresTest extends PersonalDataAtRestTest {
}
