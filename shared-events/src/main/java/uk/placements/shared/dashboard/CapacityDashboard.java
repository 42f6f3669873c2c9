package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The capacity dashboard as at a date. Groups by designated need overlap: a provision designated for ASD and SLCN
 * counts in both, so need groups do not add up to the total; type and phase groups do.
 */
public record CapacityDashboard(LocalDate asOf, CapacityFigures total, Map<String, CapacityFigures> byType,
                                Map<String, CapacityFigures> byPhase, Map<String, CapacityFigures> byNeed,
                                List<ProvisionCapacity> provisions) {
}
