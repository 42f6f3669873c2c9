package uk.placements.shared.common;

public enum ProvisionStatus {
    OPEN, CLOSED
}
