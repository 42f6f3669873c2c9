package uk.placements.query.scap;

/**
 * The phases SCAP counts specialist places and forecasts in, by national curriculum year group: primary (Reception
 * to Year 6), secondary (Years 7 to 11) and post-16 (Years 12 and 13).
 */
public enum ScapPhase {
    PRIMARY, SECONDARY, POST_16;

    public static ScapPhase of(int yearGroup) {
        if (yearGroup <= 6) {
            return PRIMARY;
        }
        return yearGroup <= 11 ? SECONDARY : POST_16;
    }

    /** How many of the year groups {@code lowest..highest} are in this phase. */
    public int yearsIn(int lowest, int highest) {
        int n = 0;
        for (int y = lowest; y <= highest; y++) {
            if (of(y) == this) {
                n++;
            }
        }
        return n;
    }
}
