package uk.placements.query.operations;

/**
 * Stops and starts a processing group's event processor on every instance that runs it. A reset must happen while
 * no instance processes the group: otherwise an instance still holding a segment claim refuses the reset, or, worse,
 * writes stale rows into the tables the reset just cleared.
 * <p>
 * In the embedded mode the only processor is this process's own ({@link LocalProcessorControl}). A multi-instance
 * deployment replaces this bean with one that broadcasts: e.g. an admin command or event every query instance
 * handles by stopping or starting its local processor (or, with Axon Server, its {@code EventProcessorControlService}
 * / processor admin API), and whose {@link #stop} returns only once the token store shows no owner on any segment
 * of the group. That broadcast is not built here; the rebuild itself needs nothing else.
 */
public interface ProcessorControl {

    /** Returns once no instance processes {@code processingGroup} any more. */
    void stop(String processingGroup);

    /** Starts {@code processingGroup} again wherever {@link #stop} stopped it. */
    void start(String processingGroup);
}
