-- Issue 14 (H2): the reporting views show the vacancies and over-capacity the ledger keeps (V178) instead of deriving
-- them. Same names, columns and rows as before (V125, V170).
DROP VIEW report_capacity_now;
DROP VIEW report_capacity_ledger;

CREATE VIEW report_capacity_ledger AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding, vacancies,
       over_capacity, outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM rm_capacity_ledger;

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

GRANT SELECT ON report_capacity_ledger TO placements_reporting;
GRANT SELECT ON report_capacity_now TO placements_reporting;
