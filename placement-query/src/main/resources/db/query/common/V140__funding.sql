-- Read model "funding" (uk.placements.query.funding.FundingProjection): which placements hold a place when, and
-- the top-ups assigned to them, so that "placements without funding" can be asked as at any date.

-- One row per placement with an offer or a place: the dates of that place. No personal data.
CREATE TABLE rm_funding_placement (
    placement_id VARCHAR(36) PRIMARY KEY,
    provision_id VARCHAR(40),
    offered_on   DATE,
    admitted_on  DATE,
    left_on      DATE,
    version      BIGINT      NOT NULL
);

-- One row per top-up assignment (an event of the placement's funding stream, by its sequence).
CREATE TABLE rm_funding_topup (
    placement_id   VARCHAR(36) NOT NULL,
    seq            BIGINT      NOT NULL,
    basis          VARCHAR(20) NOT NULL,
    band           VARCHAR(20),
    effective_from DATE        NOT NULL,
    PRIMARY KEY (placement_id, seq)
);
