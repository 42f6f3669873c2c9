-- Issue 14 (H2): report_capacity_now finds each provision's ledger row in force today as the first row of the
-- provision's key, read backwards from today, as every reader does (LedgerInForce). Asked as MAX(effective_from) with
-- the date as a condition (V163), H2 read every row of the provision up to the date, so the view's cost grew with
-- the history. The same rows: per provision open today, its row with the greatest effective_from on or before today.
-- PostgreSQL's view (V165) already seeks one row per provision, by a lateral join.
DROP VIEW report_capacity_now;

CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
JOIN report_capacity_ledger c ON c.provision_id = pr.provision_id
    AND c.effective_from = (SELECT x.effective_from FROM rm_capacity_ledger x
        WHERE x.provision_id = pr.provision_id AND x.effective_from <= CURRENT_DATE
        ORDER BY x.provision_id DESC, x.effective_from DESC FETCH FIRST 1 ROW ONLY)
WHERE c.is_open;

GRANT SELECT ON report_capacity_now TO placements_reporting;
