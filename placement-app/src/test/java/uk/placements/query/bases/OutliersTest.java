package uk.placements.query.bases;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tukey's fences as docs/inclusion-bases.md describes them. */
class OutliersTest {

    @Test
    void quartilesInterpolateBetweenRanksAndTheFencesLieOneAndAHalfIqrOutside() {
        Outliers.Fence fence = Outliers.fence(List.of(12.0, 2.0, 2.5, 3.0, 2.5));

        assertThat(fence.values()).isEqualTo(5);
        assertThat(fence.q1()).isEqualTo(2.5);
        assertThat(fence.median()).isEqualTo(2.5);
        assertThat(fence.q3()).isEqualTo(3.0);
        assertThat(fence.lower()).isEqualTo(1.75);
        assertThat(fence.upper()).isEqualTo(3.75);
        assertThat(fence.side(12.0)).isEqualTo(1);
        assertThat(fence.side(2.0)).isZero();
        assertThat(fence.side(1.7)).isEqualTo(-1);
    }

    @Test
    void betweenRanksTheQuartileIsInterpolated() {
        // positions 0.75 and 2.25 of 1, 2, 3, 4: as R's quantile() and Excel's QUARTILE.INC
        Outliers.Fence fence = Outliers.fence(List.of(4.0, 1.0, 3.0, 2.0));
        assertThat(fence.q1()).isCloseTo(1.75, within(1e-9));
        assertThat(fence.median()).isCloseTo(2.5, within(1e-9));
        assertThat(fence.q3()).isCloseTo(3.25, within(1e-9));
    }

    @Test
    void fewerThanFourValuesHaveNoFencesAndMissingValuesAreLeftOut() {
        assertThat(Outliers.fence(List.of(1.0, 2.0, 30.0))).isNull();
        assertThat(Outliers.fence(Arrays.asList(1.0, null, 2.0, null, 30.0))).isNull();
        assertThat(Outliers.fence(Arrays.asList(1.0, null, 2.0, 2.0, 30.0)).values()).isEqualTo(4);
    }

    @Test
    void whereTheOthersAgreeExactlyTheOneThatDiffersIsFlagged() {
        Outliers.Fence fence = Outliers.fence(List.of(0.0, 0.0, 0.0, 0.0, 0.5));
        assertThat(fence.lower()).isZero();
        assertThat(fence.upper()).isZero();
        assertThat(fence.side(0.5)).isEqualTo(1);
        assertThat(fence.side(0.0)).isZero();
    }

    @Test
    void twoStandardDeviationsCouldNotFlagTheBaseTheFencesDoInAGroupOfFive() {
        List<Double> values = List.of(2.0, 2.5, 2.5, 3.0, 12.0);
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
        assertThat((12.0 - mean) / sd).isLessThan(2.0);
        assertThat(Outliers.fence(values).side(12.0)).isEqualTo(1);
    }
}
