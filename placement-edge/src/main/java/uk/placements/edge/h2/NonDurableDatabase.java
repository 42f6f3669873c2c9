package uk.placements.edge.h2;

/**
 * The database would acknowledge commands it has not written. The product refuses to start on it:
 * {@link NonDurableDatabaseAnalyzer} turns this into one plain explanation and what to do.
 */
public class NonDurableDatabase extends IllegalStateException {

    public NonDurableDatabase(String reason) {
        super(reason);
    }
}
