package uk.placements.shared.funding;

/**
 * Why a provision's places change from one academic year to the next: the categories of the "Reason for change"
 * drop-down of the DfE's high needs place change workbook (the "Place change notification (PCN)" worksheet), which
 * the DfE made mandatory for every changed row from the 2025 to 2026 workbook. The stored guidance did not list the
 * drop-down's values, so these are the authority's reading of the reasons the place change process guidance
 * describes (docs/funding.md, "The place-change return"); {@link #label()} is the wording the CSV return writes.
 */
public enum PlaceChangeReason {
    NEW_PROVISION("New SEN unit or resourced provision"),
    EXPANSION("Expansion of existing provision"),
    INCREASED_DEMAND("Increase in demand for places"),
    DECREASED_DEMAND("Decrease in demand for places"),
    AGE_RANGE_CHANGE("Change to age range"),
    DESIGNATION_CHANGE("Change to designation or type of need"),
    REALIGNMENT("Realignment with pupil numbers"),
    CLOSURE("Closure or planned closure of provision"),
    OTHER("Other (see comments)");

    private final String label;

    PlaceChangeReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
