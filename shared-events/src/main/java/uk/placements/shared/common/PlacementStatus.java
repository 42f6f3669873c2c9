package uk.placements.shared.common;

public enum PlacementStatus {
    REFERRED, OFFERED, ADMITTED, MOVED_TO_MAINSTREAM, ENDED, WITHDRAWN;

    /** Open placements count against R-ONE-OPEN; terminal ones refuse every command (R-STATE). */
    public boolean isOpen() {
        return this == REFERRED || this == OFFERED || this == ADMITTED;
    }

    public boolean isTerminal() {
        return !isOpen();
    }
}
