package uk.placements.shared.common;

/** National curriculum year groups: Reception is 0, Year 1 is 1 … Year 13 is 13. */
public final class YearGroup {

    public static final int RECEPTION = 0;
    public static final int HIGHEST = 13;

    private YearGroup() {
    }

    public static int require(int year, String what) {
        if (year < RECEPTION || year > HIGHEST) {
            throw new IllegalArgumentException(what + " must be between 0 (Reception) and 13");
        }
        return year;
    }
}
