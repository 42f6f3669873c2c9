package uk.placements.bench;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

import java.sql.Types;

/**
 * Axon's JPA entries mark payload and metadata {@code @Lob}; Hibernate would then read PostgreSQL large objects
 * ({@code oid}), which the product's schema never uses. These dialects bind {@code @Lob byte[]} as plain binary
 * ({@code bytea} on PostgreSQL, {@code VARBINARY} on H2), the mapping AxonIQ recommends for PostgreSQL.
 */
final class ByteaDialects {

    private ByteaDialects() {
    }

    private static void lobsAsBinary(TypeContributions contributions) {
        contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }

    public static class Postgres extends PostgreSQLDialect {
        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
            super.contributeTypes(contributions, registry);
            lobsAsBinary(contributions);
        }
    }

    public static class H2 extends H2Dialect {
        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
            super.contributeTypes(contributions, registry);
            lobsAsBinary(contributions);
        }
    }
}
