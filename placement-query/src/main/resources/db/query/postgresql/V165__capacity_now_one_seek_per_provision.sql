-- Issue 14 (PostgreSQL): report_capacity_now finds each provision's ledger row in force by a lateral join, one index
-- seek per provision. Asked with the greatest effective_from as a correlated subquery in the join (V163), PostgreSQL
-- hashed every ledger row of the history and ran the subquery once for each of them, so the view cost what the
-- history costs, not what the answer costs. H2 has no LATERAL and already runs the subquery once per provision (V163).
-- The same rows: per provision open today, its row with the greatest effective_from on or before today.
-- CapacityReader asks the same for any date.
DROP VIEW report_capacity_now;

CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
CROSS JOIN LATERAL (SELECT * FROM report_capacity_ledger l WHERE l.provision_id = pr.provision_id
    AND l.effective_from <= CURRENT_DATE ORDER BY l.effective_from DESC LIMIT 1) c
WHERE c.is_open;

GRANT SELECT ON report_capacity_now TO placements_reporting;
