-- The reporting views' capacity reads the capacity ledger (V124): report_capacity_now keeps its name and columns,
-- and report_capacity_ledger shows the ledger itself, so an analyst can read any figure "as at" a date D as the
-- provision's row with the greatest effective_from <= D. Vacancies and over-capacity (commissioned places against
-- places taken: pupils on roll plus offers outstanding) are derived here and nowhere else.
DROP VIEW report_capacity_now;

CREATE VIEW report_capacity_ledger AS
SELECT provision_id, effective_from, is_open, commissioned_places, on_roll, offers_outstanding,
       GREATEST(0, commissioned_places - on_roll - offers_outstanding) AS vacancies,
       GREATEST(0, on_roll + offers_outstanding - commissioned_places) AS over_capacity,
       outside_designated_need, mainstream_percent_sum, at_or_above_half, adults, qualified_teachers,
       therapy_hours_per_week, staffing_from
FROM rm_capacity_ledger;

-- Capacity of every provision open today (the database's CURRENT_DATE): CapacityReader asks the same for any date.
CREATE VIEW report_capacity_now AS
SELECT CURRENT_DATE AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
       c.outside_designated_need
FROM report_provision pr
JOIN report_capacity_ledger c ON c.provision_id = pr.provision_id
    AND c.effective_from = (SELECT MAX(x.effective_from) FROM report_capacity_ledger x
        WHERE x.provision_id = pr.provision_id AND x.effective_from <= CURRENT_DATE)
WHERE c.is_open;

GRANT SELECT ON report_capacity_ledger TO placements_reporting;
GRANT SELECT ON report_capacity_now TO placements_reporting;
