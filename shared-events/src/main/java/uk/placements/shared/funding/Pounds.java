package uk.placements.shared.funding;

import java.math.BigDecimal;

/**
 * Money is a {@link BigDecimal} of pounds with exactly two decimals (pence), never a double: sums and pro-rating
 * round only where a rule says so, and JSON shows {@code 6000.00}. A value with fractions of a penny is invalid.
 */
public final class Pounds {

    public static final int SCALE = 2;
    /** Far above any per-pupil or per-place sum; keeps a typo of several zeros out of the tariff. */
    public static final BigDecimal MAX = new BigDecimal("10000000.00");

    private Pounds() {
    }

    /**
     * A stored sum as it reads back: with two decimals again. Events pass through a JSON tree on their way through
     * the upcasters, which reads {@code 3100.00} as the double 3100.0; every sum here has at most ten significant
     * digits, so the double gives back the exact pounds and pence. Null stays null.
     */
    public static BigDecimal stored(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, java.math.RoundingMode.HALF_UP);
    }

    /** The value with two decimals; fractions of a penny or more than {@link #MAX} are refused (400). */
    public static BigDecimal of(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("a sum of money is required");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("a sum of money has at most two decimals (pence)");
        }
        if (value.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a sum of money is at most " + MAX.toPlainString());
        }
        return value.setScale(SCALE);
    }
}
