-- Issue 14: each provision's latest capacity-ledger row (the greatest effective_from), kept by the capacity-ledger
-- projection beside the ledger, in a table of one row per provision. A date on or after a provision's latest change
-- (every provision, for a date near today) is answered from it: 1,875 rows in a few adjacent pages, where the ledger
-- (hundreds of thousands of rows at 1,000,000 events, written in event order) needed a seek into its key and a read
-- of a heap page per provision. Only a date before a provision's latest change seeks the ledger (LedgerInForce).
CREATE TABLE rm_capacity_latest (
    provision_id            VARCHAR(40) NOT NULL,
    effective_from          DATE        NOT NULL,
    is_open                 BOOLEAN     NOT NULL,
    commissioned_places     INT         NOT NULL,
    places_from             DATE,
    on_roll                 INT         NOT NULL,
    offers_outstanding      INT         NOT NULL,
    outside_designated_need INT         NOT NULL,
    mainstream_percent_sum  INT         NOT NULL,
    at_or_above_half          INT         NOT NULL,
    adults                  INT,
    qualified_teachers      INT,
    therapy_hours_per_week  NUMERIC(7, 1),
    staffing_from           DATE,
    PRIMARY KEY (provision_id)
);

INSERT INTO rm_capacity_latest
SELECT l.provision_id, l.effective_from, l.is_open, l.commissioned_places, l.places_from, l.on_roll,
       l.offers_outstanding, l.outside_designated_need, l.mainstream_percent_sum, l.at_or_above_half, l.adults,
       l.qualified_teachers, l.therapy_hours_per_week, l.staffing_from
FROM rm_capacity_ledger l
WHERE NOT EXISTS (SELECT 1 FROM rm_capacity_ledger x
    WHERE x.provision_id = l.provision_id AND x.effective_from > l.effective_from);
