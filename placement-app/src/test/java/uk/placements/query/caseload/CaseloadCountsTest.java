package uk.placements.query.caseload;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import uk.placements.shared.placement.PlacementId;

import java.util.List;

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
}
