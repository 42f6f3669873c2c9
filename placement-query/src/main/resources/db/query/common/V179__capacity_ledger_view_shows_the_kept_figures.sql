-- Issue 14: the reporting views show the vacancies and over-capacity the ledger keeps (V178) instead of deriving them.
-- report_capacity_ledger keeps its name, columns and rows (V125); report_capacity_now, which reads it, is made anew
-- for each database in V180. On PostgreSQL the view over both tables that derived the two figures (capacity_figures,
-- V175) and its view of the latest rows (capacity_latest) go too: readers join the tables (LedgerInForce). H2 never
-- had them.
DROP VIEW report_capacity_now;
DROP VIEW IF EXISTS capacity_latest;
DROP VIEW report_capacity_ledger;
DROP VIEW IF EXISTS capacity_figures;

CREATE VIEW report_capacity_ledger AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding, vacancies,
       over_capacity, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM rm_capacity_ledger;

GRANT SELECT ON report_capacity_ledger TO placements_reporting;
