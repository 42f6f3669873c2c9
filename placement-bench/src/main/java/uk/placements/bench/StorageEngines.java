package uk.placements.bench;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.placements.edge.axon.AxonSerialization;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 6's choice of storage engine, by measurement: Axon's JdbcEventStorageEngine (what the product uses) and its
 * JpaEventStorageEngine (Hibernate, payloads mapped to {@code bytea}/{@code VARBINARY}, identity global index),
 * each on a fresh database with the product's own event-store schema, the same real events and the same Spring
 * transaction per append. Measures one-event append transactions per second and reading every event back in global
 * order with its payload deserialised.
 */
final class StorageEngines {

    /** Appends and reads per second of one engine. */
    record Rates(String engine, double appendsPerSecond, double readsPerSecond) {
    }

    private StorageEngines() {
    }

    static List<Rates> compare(Database database, String prefix, List<DomainEventMessage<?>> events, int count)
            throws Exception {
        return List.of(measure("JDBC", database, database.create(prefix + "_jdbc"), events, count),
                measure("JPA", database, database.create(prefix + "_jpa"), events, count));
    }

    private static Rates measure(String engineName, Database database, String url, List<DomainEventMessage<?>> events,
                                 int count) throws Exception {
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(database.user());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(4);
            boolean postgres = database instanceof Database.Postgres;
            try (Connection c = dataSource.getConnection()) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/eventstore/"
                        + (postgres ? "postgresql" : "h2") + "/V1__event_store.sql"));
            }
            Serializer serializer = new AxonSerialization().eventSerializer();
            LocalContainerEntityManagerFactoryBean jpa = null;
            PlatformTransactionManager transactions;
            EventStorageEngine engine;
            if (engineName.equals("JPA")) {
                jpa = new LocalContainerEntityManagerFactoryBean();
                jpa.setDataSource(dataSource);
                jpa.setPackagesToScan("org.axonframework.eventsourcing.eventstore.jpa");
                jpa.setMappingResources("bench-orm.xml");
                jpa.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
                jpa.setJpaPropertyMap(Map.of("hibernate.dialect", (postgres ? ByteaDialects.Postgres.class
                        : ByteaDialects.H2.class).getName(), "hibernate.hbm2ddl.auto", "none"));
                jpa.afterPropertiesSet();
                EntityManagerFactory factory = jpa.getObject();
                transactions = new JpaTransactionManager(factory);
                engine = JpaEventStorageEngine.builder()
                        .entityManagerProvider(new SimpleEntityManagerProvider(
                                SharedEntityManagerCreator.createSharedEntityManager(factory)))
                        .transactionManager(new SpringTransactionManager(transactions))
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
            } else {
                transactions = new DataSourceTransactionManager(dataSource);
                engine = JdbcEventStorageEngine.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(new SpringTransactionManager(transactions))
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
            }
            try {
                TransactionTemplate template = new TransactionTemplate(transactions);
                String aggregate = UUID.randomUUID().toString();
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    DomainEventMessage<?> real = events.get(i % events.size());
                    DomainEventMessage<?> event = new GenericDomainEventMessage<>(real.getType(), aggregate, i,
                            real.getPayload(), real.getMetaData());
                    template.executeWithoutResult(status -> engine.appendEvents(event));
                }
                double appends = count / ((System.nanoTime() - started) / 1e9);
                AtomicLong read = new AtomicLong();
                started = System.nanoTime();
                try (Stream<?> all = engine.readEvents(null, false)) {
                    all.forEach(e -> {
                        if (((org.axonframework.eventhandling.EventMessage<?>) e).getPayload() != null) {
                            read.incrementAndGet();
                        }
                    });
                }
                double reads = read.get() / ((System.nanoTime() - started) / 1e9);
                if (read.get() != count) {
                    throw new IllegalStateException(engineName + " read " + read.get() + " of " + count + " events");
                }
                return new Rates(engineName, appends, reads);
            } finally {
                if (jpa != null) {
                    jpa.destroy();
                }
            }
        }
    }
}
