package uk.placements.query.dashboard;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' medians ({@link Median.Values}), unboxed and sorted only when out of order, against the definition
 * on a sorted copy: for any whole numbers, in any order, already sorted or not, and asked again after more are added.
 */
class MedianTest {

    @Property
    void theMedianCountAndMaximumAreThoseOfTheSortedNumbers(
            @ForAll @Size(max = 40) List<@IntRange(min = -1000, max = 1000) Integer> first,
            @ForAll @Size(max = 40) List<@IntRange(min = -1000, max = 1000) Integer> then,
            @ForAll boolean sortedFirst) {
        List<Integer> added = new ArrayList<>(first);
        if (sortedFirst) {
            Collections.sort(added);
        }
        Median.Values values = new Median.Values();
        added.forEach(values::add);
        assertThat(values.median()).isEqualTo(definition(added));

        then.forEach(values::add);
        added.addAll(then);
        assertThat(values.median()).isEqualTo(definition(added));
        assertThat(values.size()).isEqualTo(added.size());
        assertThat(values.max()).isEqualTo(added.isEmpty() ? null : Collections.max(added));
        assertThat(Median.of(added)).isEqualTo(definition(added));
    }

    @Test
    void noneHasNoMedianAndNoMaximum() {
        assertThat(new Median.Values().median()).isNull();
        assertThat(new Median.Values().max()).isNull();
        assertThat(Median.of(List.of())).isNull();
    }

    @Test
    void theMiddleOneOrTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(List.of(9, 1, 5))).isEqualTo(5.0);
        assertThat(Median.of(List.of(9, 1, 4, 6))).isEqualTo(5.0);
        assertThat(Median.of(List.of(2, 3))).isEqualTo(2.5);
    }

    private static Double definition(List<Integer> numbers) {
        if (numbers.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(numbers);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
