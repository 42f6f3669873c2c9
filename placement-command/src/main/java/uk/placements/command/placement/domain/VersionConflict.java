package uk.placements.command.placement.domain;

/** The client's {@code If-Match} version is not the aggregate's current version (HTTP 412). */
public class VersionConflict extends RuntimeException {

    private final long actualVersion;

    public VersionConflict(long expectedVersion, long actualVersion) {
        super("expected version " + expectedVersion + " but it is at version " + actualVersion, null, false, false);
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
