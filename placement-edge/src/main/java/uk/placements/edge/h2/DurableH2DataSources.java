package uk.placements.edge.h2;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every connection pool on an H2 file the settings {@link H2Urls#durable} requires, before the pool opens its
 * first connection, however the URL was given. The URL itself is not logged: an operator's URL may carry a password.
 */
public class DurableH2DataSources implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DurableH2DataSources.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && H2Urls.isEmbeddedFile(pool.getJdbcUrl())) {
            String durable = H2Urls.durable(pool.getJdbcUrl());
            if (!durable.equals(pool.getJdbcUrl())) {
                LOG.info("H2 file database: added {} to the URL (each commit written before it is acknowledged; "
                        + "the database closes after the application)", durable.substring(pool.getJdbcUrl().length()));
                pool.setJdbcUrl(durable);
            }
        }
        return bean;
    }
}
