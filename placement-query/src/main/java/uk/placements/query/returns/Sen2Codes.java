package uk.placements.query.returns;

import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;

/**
 * The product's vocabulary in SEN2's codes (docs/returns.md, "SEN2: codes"). The switches are exhaustive on purpose:
 * a new need code or a new type of provision does not compile until someone decides how the return reports it.
 */
final class Sen2Codes {

    private Sen2Codes() {
    }

    /**
     * SEN2's SENtype (item 5.8a of the 2025 guide, unchanged for 2026): the product's need codes are that code list,
     * one for one.
     */
    static String senType(NeedCode need) {
        return switch (need) {
            case SPLD -> "SPLD";
            case MLD -> "MLD";
            case SLD -> "SLD";
            case PMLD -> "PMLD";
            case SEMH -> "SEMH";
            case SLCN -> "SLCN";
            case HI -> "HI";
            case VI -> "VI";
            case MSI -> "MSI";
            case PD -> "PD";
            case ASD -> "ASD";
            case DS -> "DS";
            case OTH -> "OTH";
        };
    }

    /** SENunitIndicator: the placement is in a SEN unit of the school named by URN. */
    static boolean senUnit(ProvisionType type) {
        return switch (type) {
            case SEN_UNIT -> true;
            case RESOURCE_BASE -> false;
        };
    }

    /** ResourcedProvisionIndicator: the placement is in the school's resourced provision (a Resource Base). */
    static boolean resourcedProvision(ProvisionType type) {
        return switch (type) {
            case RESOURCE_BASE -> true;
            case SEN_UNIT -> false;
        };
    }

    /** An indicator as the census and SEN2 XML booleans are written: 1 or 0. */
    static String indicator(boolean value) {
        return value ? "1" : "0";
    }
}
