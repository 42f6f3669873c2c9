package uk.placements.query.bases;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Tukey's fences (docs/inclusion-bases.md): within a group, the first and third quartiles Q1 and Q3 of the values
 * (linear interpolation between the sorted values at position p·(n−1), as R's default and Excel's QUARTILE.INC), the
 * interquartile range IQR = Q3 − Q1, and the fences Q1 − 1.5·IQR and Q3 + 1.5·IQR; a value outside them is an
 * outlier. The quartiles resist the outliers themselves, which a mean and a standard deviation do not: one base far
 * from the rest widens the standard deviation enough, in a group of a handful, to hide itself. A group with fewer than
 * {@link #MIN_GROUP} values has no fences. When most values are equal the IQR is 0 and any other value is flagged:
 * in a group where bases agree, the one that does not is the one to look at.
 */
public final class Outliers {

    /** The fewest values that have quartiles worth the name. */
    public static final int MIN_GROUP = 4;
    static final double K = 1.5;

    private Outliers() {
    }

    /** The fences of some values (nulls are left out); null when fewer than {@link #MIN_GROUP} remain. */
    public static Fence fence(Collection<Double> values) {
        double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        if (sorted.length < MIN_GROUP) {
            return null;
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        return new Fence(sorted.length, q1, quantile(sorted, 0.5), q3, q1 - K * iqr, q3 + K * iqr);
    }

    /** The quantile {@code p} of sorted values, interpolated linearly between the two nearest ranks. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** A group's quartiles and fences. */
    public record Fence(int values, double q1, double median, double q3, double lower, double upper) {

        /** Whether a value lies above the upper fence (1), below the lower one (−1), or within them (0). */
        public int side(double value) {
            return value > upper ? 1 : value < lower ? -1 : 0;
        }

        @Override
        public String toString() {
            return "Fence" + Arrays.toString(new double[]{values, q1, median, q3, lower, upper});
        }
    }
}
