package uk.placements.shared.funding;

import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

/**
 * The event streams of money. The event store keys every stream by its id alone (aggregate identifier and sequence
 * are unique together), so a placement's funding cannot share the placement's own id: it is the placement id with a
 * prefix, lower case, which no provision code (upper case) or placement id (a bare UUID) can be; so is a
 * provision's place-change return for a year.
 */
public final class FundingStreams {

    /** The authority's one tariff. */
    public static final String TARIFF = "tariff";
    private static final String FUNDING = "funding-";
    private static final String PLACE_CHANGE = "place-change-";

    private FundingStreams() {
    }

    public static String fundingOf(PlacementId placement) {
        return FUNDING + placement.value();
    }

    /** A provision's place-change return for one academic year: {@code place-change-RB-0001-2027-28}. */
    public static String placeChangeOf(ProvisionId provision, AcademicYear year) {
        return PLACE_CHANGE + provision.value() + "-" + year;
    }
}
