package uk.placements.shared.common;

/**
 * The domain rules of DOMAIN.md, by code. Codes are part of the API: a refused command names its rule.
 * {@code conflict} rules refuse because of the state of the world (HTTP 409); the others refuse the request
 * itself (HTTP 422).
 */
public enum Rule {
    STATE("R-STATE", true),
    DATE_ORDER("R-DATE-ORDER", false),
    ONE_OPEN("R-ONE-OPEN", true),
    PROVISION_OPEN("R-PROVISION-OPEN", true),
    YEAR("R-YEAR", false),
    TYPE("R-TYPE", false),
    EHCP("R-EHCP", false),
    NEED("R-NEED", false),
    CAPACITY("R-CAPACITY", true),
    SPLIT_RB("R-SPLIT-RB", false),
    SPLIT_UNIT("R-SPLIT-UNIT", false),
    INTEGRATION_FIRST("R-INTEGRATION-FIRST", false),
    DEFAULT_SPLIT("R-DEFAULT-SPLIT", false),
    RELEASE("R-RELEASE", false),
    END_REASON("R-END-REASON", false),
    PLACES_CHANGE("R-PLACES-CHANGE", false),
    CLOSE("R-CLOSE", true),
    // money (docs/funding.md)
    POSITIVE("R-POSITIVE", false),
    NO_OVERLAP("R-NO-OVERLAP", false),
    BAND_EXISTS("R-BAND-EXISTS", false),
    FUNDING_DATE("R-FUNDING-DATE", false),
    FUNDING_REASON("R-FUNDING-REASON", false),
    // the place-change return (docs/funding.md)
    PLACE_CHANGE_YEAR("R-PLACE-CHANGE-YEAR", false),
    PLACE_CHANGE_OPEN("R-PLACE-CHANGE-OPEN", true),
    PLACE_CHANGE_REASON("R-PLACE-CHANGE-REASON", false),
    NIL_RETURN("R-NIL-RETURN", false),
    PLACE_CHANGE_CORRECTION("R-PLACE-CHANGE-CORRECTION", false),
    // inclusion bases (docs/inclusion-bases.md)
    BASE_DATE("R-BASE-DATE", false),
    BASE_HOURS("R-BASE-HOURS", false);

    private final String code;
    private final boolean conflict;

    Rule(String code, boolean conflict) {
        this.code = code;
        this.conflict = conflict;
    }

    public String code() {
        return code;
    }

    public boolean isConflict() {
        return conflict;
    }
}
