-- Issue 14 (PostgreSQL): the reporting views show the vacancies and over-capacity the ledger keeps (V178) instead of
-- deriving them, so the view over both tables that derived them (capacity_figures, V175) and its view of the latest
-- rows (capacity_latest) go: readers join the tables (LedgerInForce). Same names, columns and rows as before.
DROP VIEW report_capacity_now;
DROP VIEW capacity_latest;
DROP VIEW report_capacity_ledger;
DROP VIEW capacity_figures;

CREATE VIEW report_capacity_ledger AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding, vacancies,
       over_capacity, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM rm_capacity_ledger;

-- As V175: the latest row if it is in force today, else one seek of the ledger
CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
CROSS JOIN LATERAL (
    (SELECT n.is_open, n.commissioned_places, n.on_roll, n.offers_outstanding, n.vacancies, n.over_capacity,
            n.outside_designated_need
     FROM rm_capacity_latest n WHERE n.provision_id = pr.provision_id AND n.effective_from <= CURRENT_DATE)
    UNION ALL
    (SELECT l.is_open, l.commissioned_places, l.on_roll, l.offers_outstanding, l.vacancies, l.over_capacity,
            l.outside_designated_need
     FROM rm_capacity_ledger l WHERE l.provision_id = pr.provision_id AND l.effective_from <= CURRENT_DATE
     ORDER BY l.effective_from DESC LIMIT 1)
    LIMIT 1) c
WHERE c.is_open;

GRANT SELECT ON report_capacity_ledger TO placements_reporting;
GRANT SELECT ON report_capacity_now TO placements_reporting;
