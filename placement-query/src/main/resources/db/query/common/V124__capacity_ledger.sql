-- Processing group "capacity-ledger" (uk.placements.query.capacity.CapacityLedgerProjection): the one source of
-- every capacity and inclusion figure "as at" a date. Per provision, a row only where a figure changes; the figures
-- on date D are those of the provision's row with the greatest effective_from <= D. The figures are cumulative: a
-- command back-dated before existing changes changes every later row of its provision.
CREATE TABLE rm_capacity_ledger (
    provision_id            VARCHAR(40) NOT NULL,
    effective_from          DATE        NOT NULL,
    -- opened on or before effective_from and not closed since
    is_open                 BOOLEAN     NOT NULL,
    commissioned_places     INT         NOT NULL,
    -- the effective date of the places change in force (a later-dated change outranks a back-dated one)
    places_from             DATE,
    on_roll                 INT         NOT NULL,
    offers_outstanding      INT         NOT NULL,
    outside_designated_need INT         NOT NULL,
    -- over the pupils on roll: their mainstream percents summed, and how many are at or above 50%
    mainstream_percent_sum  INT         NOT NULL,
    at_or_above_half          INT         NOT NULL,
    -- the staffing in force (the latest recorded by effective date), null before the first
    adults                  INT,
    qualified_teachers      INT,
    therapy_hours_per_week  NUMERIC(7, 1),
    staffing_from           DATE,
    PRIMARY KEY (provision_id, effective_from)
);

-- What each placement contributes to the ledger of a provision it was offered a place at, as its last event there
-- left it (and that event's sequence, so that an event no newer changes nothing).
CREATE TABLE rm_capacity_placement (
    provision_id            VARCHAR(40) NOT NULL,
    placement_id            VARCHAR(36) NOT NULL,
    version                 BIGINT      NOT NULL,
    status                  VARCHAR(24) NOT NULL,
    at_provision            BOOLEAN     NOT NULL,
    mainstream_percent      INT,
    outside_designated_need BOOLEAN     NOT NULL,
    PRIMARY KEY (provision_id, placement_id)
);

-- The sequence of the last provision event the ledger applied, per provision.
CREATE TABLE rm_capacity_provision (
    provision_id VARCHAR(40) PRIMARY KEY,
    version      BIGINT      NOT NULL
);
