package uk.placements.query.dashboard;

import java.util.Collection;

/** The median of whole numbers: the middle one, or the mean of the middle two; null for none. */
public final class Median {

    private Median() {
    }

    public static Double of(Collection<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
