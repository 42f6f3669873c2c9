package uk.placements.shared.dashboard;

/**
 * Subscription query: the capacity of every provision open today, then a {@link ProvisionCapacity} each time a
 * provision's figures change.
 */
public record WatchCapacity() {
}
