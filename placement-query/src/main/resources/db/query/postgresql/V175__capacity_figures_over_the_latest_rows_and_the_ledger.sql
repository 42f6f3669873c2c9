-- Issue 14 (PostgreSQL): the row in force on a date is read from rm_capacity_latest (V174) when the provision's latest
-- change is on or before the date, else from the ledger (LedgerInForce). Both are read with vacancies and
-- over-capacity derived, so the derivation moves into one view over both tables, capacity_figures, told apart by
-- "latest"; report_capacity_ledger shows the ledger's rows from it, with the same columns as before, and
-- capacity_latest each provision's latest row. PostgreSQL reads only the table a condition on "latest" leaves (the
-- other branch is a constant false). The two new views are the readers' own, not reporting views: nothing new is
-- granted to the reporting role, whose views are the same on both databases. H2 reads the ledger as V163 and V170 left it: it runs a view over
-- a union as a query of its own for every provision.
DROP VIEW report_capacity_now;
DROP VIEW report_capacity_ledger;

CREATE VIEW capacity_figures AS
SELECT latest, provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding,
       GREATEST(0, commissioned_places - on_roll - offers_outstanding) AS vacancies,
       GREATEST(0, on_roll + offers_outstanding - commissioned_places) AS over_capacity,
       outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM (SELECT FALSE AS latest, provision_id, effective_from, is_open, commissioned_places, on_roll,
             offers_outstanding, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults,
             qualified_teachers, therapy_hours_per_week, staffing_from
      FROM rm_capacity_ledger
      UNION ALL
      SELECT TRUE, provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding,
             outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
             therapy_hours_per_week, staffing_from
      FROM rm_capacity_latest) both_tables;

CREATE VIEW report_capacity_ledger AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding, vacancies,
       over_capacity, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM capacity_figures WHERE NOT latest;

CREATE VIEW capacity_latest AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding, vacancies,
       over_capacity, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM capacity_figures WHERE latest;

-- As V165, the row in force read as LedgerInForce reads it: the latest row if in force today, else one seek.
CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
CROSS JOIN LATERAL (
    (SELECT * FROM capacity_latest n WHERE n.provision_id = pr.provision_id
        AND n.effective_from <= CURRENT_DATE)
    UNION ALL
    (SELECT * FROM report_capacity_ledger l WHERE l.provision_id = pr.provision_id
        AND l.effective_from <= CURRENT_DATE ORDER BY l.effective_from DESC LIMIT 1)
    LIMIT 1) c
WHERE c.is_open;

GRANT SELECT ON report_capacity_ledger TO placements_reporting;
GRANT SELECT ON report_capacity_now TO placements_reporting;
