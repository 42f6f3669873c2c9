package uk.placements.shared.placement.query;

/** One placement with its pupil and timeline; answers {@link PlacementView}, or null when there is none. */
public record FindPlacement(String placementId) {
}
