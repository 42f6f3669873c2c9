package uk.placements.shared.common;

public enum Phase {
    PRIMARY, SECONDARY, ALL_THROUGH
}
