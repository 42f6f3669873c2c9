package uk.placements.command.placement.domain;

/** The client's {@code If-Match} version is not the aggregate's current version (HTTP 412). */
public class VersionConflict extends RuntimeException {

    private final long actualVersion;

    public VersionConflict(long expectedVersion, long actualVersion) {
        this("expected version " + expectedVersion + " but it is at version " + actualVersion, actualVersion);
    }

    /** The same conflict told again, e.g. on the far side of a command bus. */
    public VersionConflict(String message, long actualVersion) {
        super(message, null, false, false);
        this.actualVersion = actualVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }

    public static void check(Long expectedVersion, long actualVersion) {
        if (expectedVersion != null && expectedVersion != actualVersion) {
            throw new VersionConflict(expectedVersion, actualVersion);
        }
    }
}
