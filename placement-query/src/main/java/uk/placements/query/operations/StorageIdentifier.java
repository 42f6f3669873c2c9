package uk.placements.query.operations;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes sure the token store's identity (Axon's config token) exists before any event processor starts.
 *
 * <p>Axon's JDBC token store creates that row the first time something asks for the store's identifier: it reads,
 * finds none, and inserts one. Two services starting together on an empty database both read nothing, and the
 * second insert fails with {@link UnableToRetrieveIdentifierException} ("It may have been concurrently
 * initialized"); the processors and, under Axon Server, the processor control channel ask inside a transaction, so
 * the failed insert also aborts it on PostgreSQL, and the service died during start-up. This asks once at start-up,
 * outside any transaction (so each try stands alone), and asks again when it lost that race: the second read finds
 * the row the other service inserted. Every later question finds the row.
 */
public class StorageIdentifier implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StorageIdentifier.class);
    static final int ATTEMPTS = 5;

    private final TokenStore tokens;

    public StorageIdentifier(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public void afterSingletonsInstantiated() {
        initialize(tokens);
    }

    /** The store's identifier, created if need be, whoever else is creating it at the same moment. */
    public static String initialize(TokenStore tokens) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tokens.retrieveStorageIdentifier().orElse("--unknown--");
            } catch (UnableToRetrieveIdentifierException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                LOG.info("Another service created the token store's identity at the same moment; reading theirs");
            }
        }
    }
}
