-- Issue 14 (PostgreSQL): report_capacity_now as V175 made it, the latest row if it is in force today, else one seek of
-- the ledger, both tables read with the vacancies and over-capacity they keep (V178, V179).
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

GRANT SELECT ON report_capacity_now TO placements_reporting;
