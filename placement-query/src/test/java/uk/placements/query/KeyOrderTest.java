package uk.placements.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows in key order: the same order, ties included, whether a sort is shared among the cores or not. */
class KeyOrderTest {

    private record Row(String aggregate, long seq, int arrival) implements KeyOrder.EventKeyed {
    }

    @Test
    void aLargeSortSharedAmongTheCoresGivesTheOrderOfAStableSortTiesIncluded() {
        Random random = new Random(14);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < KeyOrder.PARALLEL_FROM * 3 + 7; i++) {
            // few aggregates and sequences: many rows tie on the key and must keep their order of arrival
            rows.add(new Row("placement-" + random.nextInt(500), random.nextInt(20), i));
        }
        List<Row> expected = new ArrayList<>(rows);
        expected.sort(KeyOrder.BY_EVENT);

        List<Row> sorted = KeyOrder.sorted(rows, KeyOrder.BY_EVENT);

        assertThat(sorted).containsExactlyElementsOf(expected);
        assertThat(sorted).isSortedAccordingTo(KeyOrder.BY_EVENT.thenComparing(
                Comparator.comparingInt(row -> ((Row) row).arrival())));
    }

    @Test
    void rowsGroupedByAggregateComeInTheOrderOfAStableSortTiesIncluded() {
        Random random = new Random(15);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            // mostly in sequence per aggregate, as events arrive, with some out of order and some ties
            rows.add(new Row("placement-" + random.nextInt(2_000), i / 100 + random.nextInt(3) - 1, i));
        }
        List<Row> expected = new ArrayList<>(rows);
        expected.sort(KeyOrder.BY_EVENT);

        assertThat(KeyOrder.byEvent(rows)).containsExactlyElementsOf(expected);
        assertThat(KeyOrder.byEvent(List.of(new Row("b", 1, 0), new Row("a", 2, 1), new Row("a", 1, 2),
                new Row("a", 1, 3)))).extracting(Row::arrival).containsExactly(2, 3, 1, 0);
        assertThat(KeyOrder.byEvent(List.<Row>of())).isEmpty();
    }

    @Test
    void valuesByKeyComeInTheOrderOfTheirKeys() {
        Map<String, Integer> rows = new HashMap<>();
        Random random = new Random(16);
        for (int i = 0; i < 5_000; i++) {
            rows.put("PL-" + Integer.toHexString(random.nextInt()), i);
        }

        assertThat(KeyOrder.valuesByKey(rows)).containsExactlyElementsOf(
                new TreeMap<>(rows).values());
    }

    @Test
    void aSmallSortGivesTheSameOrder() {
        List<Row> rows = List.of(new Row("b", 1, 0), new Row("a", 2, 1), new Row("a", 1, 2), new Row("a", 1, 3));

        assertThat(KeyOrder.sorted(rows, KeyOrder.BY_EVENT)).extracting(Row::arrival).containsExactly(2, 3, 1, 0);
    }
}
