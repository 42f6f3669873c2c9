package uk.placements.shared.placement.query;

import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;

/**
 * A caseworker's caseload, filtered and paged; every filter is optional. {@code q} finds a pupil by name or UPN.
 * {@code sort} is one of {@link #SORTS}, with a leading '-' for descending; placements with the same value come in
 * placement id order, in the same direction.
 */
public record FindCaseload(PlacementStatus status, String provisionId, NeedCode need, Integer yearGroup,
                           ProvisionType type, String q, String sort, int page, int size) {

    public static final java.util.List<String> SORTS = java.util.List.of("referredOn", "familyName", "status",
            "yearGroup", "lastChanged");
}
