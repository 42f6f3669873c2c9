-- Issue 14 (H2): report_capacity_now as V170 made it, the row in force today found by one seek per provision, its
-- vacancies and over-capacity read from the ledger table, which keeps them (V178, V179).
CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
JOIN rm_capacity_ledger c ON c.provision_id = pr.provision_id
    AND c.effective_from = (SELECT x.effective_from FROM rm_capacity_ledger x
        WHERE x.provision_id = pr.provision_id AND x.effective_from <= CURRENT_DATE
        ORDER BY x.provision_id DESC, x.effective_from DESC FETCH FIRST 1 ROW ONLY)
WHERE c.is_open;

GRANT SELECT ON report_capacity_now TO placements_reporting;
