-- Issue 14: the over-capacity periods' index (V166, V167) is read for over_capacity = true alone (the capacity
-- dashboard's decisions as at a date, CapacityReader.DECISIONS_AS_AT). On PostgreSQL it now holds those rows alone:
-- a few thousand periods of more than a million at 1,000,000 events, instead of every period, for every change of a
-- period to keep up and every rebuild to build. H2 has no partial indexes and keeps V167's.
DROP INDEX ix_rm_placement_period_over_capacity;
CREATE INDEX ix_rm_placement_period_over_capacity
    ON rm_placement_period (over_capacity, status, valid_to, valid_from, provision_id, placement_id)
    WHERE over_capacity;
