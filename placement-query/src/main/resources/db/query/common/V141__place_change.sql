-- Read model "place-change" (uk.placements.query.placechange.PlaceChangeProjection): each provision's place-change
-- return per academic year, as its last event left it. The provisions without a return, and their places this
-- academic year, are read from the provisions read model (rm_provision) and the capacity ledger (V124) beside it.
CREATE TABLE rm_place_change (
    provision_id      VARCHAR(40)  NOT NULL,
    -- the academic year returned for, written 2027-28
    academic_year     VARCHAR(7)   NOT NULL,
    -- the commissioned places on 1 September of the academic year before, as the return was made against them
    current_places    INT          NOT NULL,
    requested_places  INT          NOT NULL,
    nil_return        BOOLEAN      NOT NULL,
    -- the reason for change (uk.placements.shared.funding.PlaceChangeReason), null for a nil return
    reason            VARCHAR(30),
    note              VARCHAR(500),
    correction        BOOLEAN      NOT NULL,
    correction_reason VARCHAR(500),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       VARCHAR(200),
    version           BIGINT       NOT NULL,
    PRIMARY KEY (provision_id, academic_year)
);
