-- The reporting schema: stable, documented views over the read models for analysts' tools and for the CSV reports
-- (placement-query/REPORTING.md). No personal data (the pupil appears only as the placement id) and no free text
-- (notes and reasons may name a pupil). Read a figure "as at" a date D from the period views:
--   valid_from <= D AND (valid_to IS NULL OR valid_to > D)
-- and from report_provision_change the latest row by (effective_from, seq) with effective_from <= D, per kind
-- (OPENED and PLACES both set commissioned places).

-- Each placement's state over business time, one row per event.
CREATE VIEW report_placement_period AS
SELECT placement_id, seq, valid_from, valid_to, status, year_group, primary_need, ehcp_status, provision_id,
       provision_type, mainstream_percent, below_integration_band, outside_designated_need, over_capacity,
       referred_on, offered_on, admitted_on
FROM rm_placement_period;

-- The milestones of each placement: offers, declines, withdrawals, admissions, time-split changes, endings.
CREATE VIEW report_placement_milestone AS
SELECT placement_id, seq, kind, on_date, provision_id, days_from_referral, days_from_offer
FROM rm_placement_milestone;

-- Each provision as it is now (its descriptive fields never change over time).
CREATE VIEW report_provision AS
SELECT provision_id, name, type, phase, host_urn, host_name, lowest_year, highest_year, designated_needs,
       status, opened_on, closed_on
FROM rm_provision;

-- Changes of places, staffing and status by effective date, without their reasons.
CREATE VIEW report_provision_change AS
SELECT provision_id, seq, kind, effective_from, commissioned_places, status, adults, qualified_teachers,
       therapy_hours_per_week
FROM rm_provision_change;

-- Audited over-capacity decisions, without their reasons.
CREATE VIEW report_over_capacity_decision AS
SELECT provision_id, seq, placement_id, decided_on, places_taken, commissioned_places, decided_by
FROM rm_over_capacity_decision;

-- Capacity of every provision open today (the database's CURRENT_DATE): the same query the capacity dashboard and
-- capacity.csv run for any date.
CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       pl.commissioned_places,
       COUNT(CASE WHEN pp.status = 'ADMITTED' THEN 1 END) AS on_roll,
       COUNT(CASE WHEN pp.status = 'OFFERED' THEN 1 END) AS offers_outstanding,
       GREATEST(0, pl.commissioned_places - COUNT(pp.placement_id)) AS vacancies,
       GREATEST(0, COUNT(pp.placement_id) - pl.commissioned_places) AS over_capacity,
       COUNT(CASE WHEN pp.outside_designated_need THEN 1 END) AS outside_designated_need
FROM report_provision pr
JOIN report_provision_change pl ON pl.provision_id = pr.provision_id AND pl.kind IN ('OPENED', 'PLACES')
    AND pl.effective_from <= CURRENT_DATE
    AND NOT EXISTS (SELECT 1 FROM report_provision_change later
        WHERE later.provision_id = pl.provision_id AND later.kind IN ('OPENED', 'PLACES')
        AND later.effective_from <= CURRENT_DATE
        AND (later.effective_from > pl.effective_from
            OR (later.effective_from = pl.effective_from AND later.seq > pl.seq)))
LEFT JOIN report_placement_period pp ON pp.provision_id = pr.provision_id
    AND pp.status IN ('OFFERED', 'ADMITTED')
    AND pp.valid_from <= CURRENT_DATE AND (pp.valid_to IS NULL OR pp.valid_to > CURRENT_DATE)
WHERE pr.opened_on <= CURRENT_DATE
    AND NOT EXISTS (SELECT 1 FROM report_provision_change closing
        WHERE closing.provision_id = pr.provision_id AND closing.kind = 'CLOSED'
        AND closing.effective_from <= CURRENT_DATE)
GROUP BY pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs, pl.commissioned_places;

-- A read-only role for reporting tools: it may read these views and nothing else. Roles belong to the
-- cluster, not the database, so it may exist already (another database, a re-run).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'placements_reporting') THEN
        CREATE ROLE placements_reporting NOLOGIN;
    END IF;
END
$$;
GRANT SELECT ON report_placement_period TO placements_reporting;
GRANT SELECT ON report_placement_milestone TO placements_reporting;
GRANT SELECT ON report_provision TO placements_reporting;
GRANT SELECT ON report_provision_change TO placements_reporting;
GRANT SELECT ON report_over_capacity_decision TO placements_reporting;
GRANT SELECT ON report_capacity_now TO placements_reporting;
