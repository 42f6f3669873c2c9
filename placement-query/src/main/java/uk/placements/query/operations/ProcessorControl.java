package uk.placements.query.operations;

/**
 * Stops and starts a processing group's event processor on every instance that runs it. A reset must happen while
 * no instance processes the group: otherwise an instance still holding a segment claim refuses the reset, or, worse,
 * writes stale rows into the tables the reset just cleared. {@link SharedProcessorControl} does it through the
 * database every instance shares, so it holds for one embedded process and for many query services alike.
 */
public interface ProcessorControl {

    /**
     * Returns once no instance processes {@code processingGroup} any more; throws {@link NotStopped} (and leaves
     * the group running) if some instance still holds a segment when the stop timeout runs out.
     */
    void stop(String processingGroup);

    /** Starts {@code processingGroup} again wherever {@link #stop} stopped it. */
    void start(String processingGroup);

    /** 503: some instance did not let go of the group's segments in time; nothing was reset. */
    class NotStopped extends RuntimeException {
        NotStopped(String message) {
            super(message, null, false, false);
        }
    }
}
