package uk.placements.command.postgres;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import uk.placements.command.ApiTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema Flyway gives PostgreSQL: binary columns are {@code bytea}, never {@code oid} large objects (which JPA's
 * {@code @Lob} would make, and which leak), and global indexes come from an identity column, handed out in order.
 */
@OnPostgres
class EventStoreSchemaOnPostgresTest extends ApiTest {

    @Autowired
    Environment environment;

    @Test
    void thePostgresProfileFromPlacementEdgeIsLoaded() {
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("20");
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    }

    @Test
    void runsOnPostgreSql16OrNewer() {
        String version = jdbc.queryForObject("SHOW server_version", String.class);
        assertThat(Integer.parseInt(version.replaceFirst("\\..*", ""))).isGreaterThanOrEqualTo(16);
    }

    @Test
    void binaryColumnsAreByteaAndNoColumnIsAnOid() {
        List<Map<String, Object>> binary = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name IN ('domainevententry', 'snapshotevententry', 'tokenentry', 'pupil_key')
                AND column_name IN ('payload', 'metadata', 'token', 'wrapped_key')""");
        assertThat(binary).hasSize(6).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('oid', 'lo')""", Long.class)).isZero();
    }

    @Test
    void globalIndexIsAnIdentityColumn() {
        Map<String, Object> globalIndex = jdbc.queryForMap("""
                SELECT data_type, is_identity FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'domainevententry' AND column_name = 'globalindex'""");
        assertThat(globalIndex).containsEntry("data_type", "bigint").containsEntry("is_identity", "YES");
    }
}
