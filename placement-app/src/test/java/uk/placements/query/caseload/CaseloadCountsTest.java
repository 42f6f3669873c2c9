package uk.placements.query.caseload;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import uk.placements.shared.placement.PlacementId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys a placement counts under, and the parts of a total, as {@link CaseloadCounts} keeps them. */
class CaseloadCountsTest {

    @Test
    void aPlacementWithoutAProvisionCountsUnderEveryCombinationOfTheValuesItHas() {
        CaseloadCounts.Filters referred = new CaseloadCounts.Filters("REFERRED", null, "ASD", 7, null);

        assertThat(referred.keys()).containsExactlyInAnyOrder("", "status=REFERRED", "need=ASD", "yearGroup=7",
                "status=REFERRED&need=ASD", "status=REFERRED&yearGroup=7", "need=ASD&yearGroup=7",
                "status=REFERRED&need=ASD&yearGroup=7");
    }

    /** A provision's totals are counted from its own placements, so no kept total names a provision. */
    @Test
    void aPlacementAtAProvisionCountsUnderTheSixteenCombinationsWithoutTheProvision() {
        CaseloadCounts.Filters admitted = new CaseloadCounts.Filters("ADMITTED", "RB-NORTH-01", "ASD", 7,
                "RESOURCE_BASE");

        assertThat(admitted.keys()).hasSize(16).doesNotHaveDuplicates()
                .contains("", "type=RESOURCE_BASE", "status=ADMITTED&need=ASD&yearGroup=7&type=RESOURCE_BASE")
                .noneMatch(key -> key.contains("provisionId"));
    }

    /** Placements are split over the caseload's 4 segments by the same hash, so segments never share a row. */
    @Test
    void aPlacementsPartIsTheSegmentThatHandlesItsEvents() {
        // the segments a processor initialises with initial-segment-count 4
        List<Segment> segments = List.of(Segment.computeSegments(0, 1, 2, 3));
        assertThat(segments).hasSize(CaseloadCounts.PARTS);
        for (int i = 0; i < 1000; i++) {
            String placement = PlacementId.random().value();
            int part = CaseloadCounts.part(placement);

            assertThat(segments.stream().filter(segment -> segment.matches(placement)).map(Segment::getSegmentId))
                    .as(placement).containsExactly(part);
        }
    }

    /**
     * A batch's changes, gathered per distinct set of values, are what counting every placement under each of its
     * keys gives: the same totals, in key and part order, none that came to nothing. Placements are referred, moved
     * on and counted again at random, over few enough values that many share them.
     */
    @Test
    void changesGatheredByValuesAreThoseCountedPlacementByPlacement() {
        Random random = new Random(14);
        String[] statuses = {"REFERRED", "OFFERED", "ADMITTED", "ENDED"};
        String[] needs = {"ASD", "SLCN", "SEMH"};
        String[] provisions = {null, "RB-1", "RB-2", "SU-1"};
        for (int round = 0; round < 20; round++) {
            CaseloadCounts counts = new CaseloadCounts();
            Map<String, Map<Integer, Long>> expected = new TreeMap<>();
            Map<String, CaseloadCounts.Filters> counted = new HashMap<>();
            List<String> placements = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String placement = i < 100 || placements.isEmpty() || random.nextBoolean()
                        ? PlacementId.random().value() : placements.get(random.nextInt(placements.size()));
                placements.add(placement);
                String provision = provisions[random.nextInt(provisions.length)];
                CaseloadCounts.Filters after = new CaseloadCounts.Filters(statuses[random.nextInt(statuses.length)],
                        provision, needs[random.nextInt(needs.length)], 7 + random.nextInt(3),
                        provision == null ? null : provision.startsWith("RB") ? "RESOURCE_BASE" : "SEN_UNIT");
                CaseloadCounts.Filters before = counted.put(placement, after);
                counts.add(placement, before, after);
                int part = CaseloadCounts.part(placement);
                if (before != null && !before.equals(after)) {
                    before.keys().forEach(key -> expected.computeIfAbsent(key, k -> new TreeMap<>())
                            .merge(part, -1L, Long::sum));
                }
                if (!after.equals(before)) {
                    after.keys().forEach(key -> expected.computeIfAbsent(key, k -> new TreeMap<>())
                            .merge(part, 1L, Long::sum));
                }
            }
            List<CaseloadCounts.Count> placementByPlacement = new ArrayList<>();
            expected.forEach((key, parts) -> parts.forEach((part, by) -> {
                if (by != 0) {
                    placementByPlacement.add(new CaseloadCounts.Count(key, part, by));
                }
            }));

            assertThat(counts.changed()).isNotEmpty().isEqualTo(placementByPlacement);
        }
    }
}
