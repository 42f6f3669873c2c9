package uk.placements.shared.provision.query;

/** One provision with its capacity and staffing; answers {@link ProvisionView}, or null when there is none. */
public record FindProvision(String provisionId) {
}
