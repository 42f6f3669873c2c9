package uk.placements.shared.funding;

/** What a placement's top-up is paid at: a band of the tariff, or its provision's own rate instead of a band. */
public enum TopUpBasis {
    BAND,
    PROVISION_RATE
}
