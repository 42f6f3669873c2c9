-- Issue 14: the two period indexes that cold dashboards read carry every column those reads need, so that each is
-- answered from its index without a visit to the table per row.
-- The waiting list "as at" a date reads each referral waiting then: its primary need, year group and referral date
-- (DashboardQueries.WAITING_AS_AT). In the benchmark's authority at 1,000,000 events that is about ten thousand
-- periods, each until now fetched from the table after the index had found it.
DROP INDEX ix_rm_placement_period_waiting;
CREATE INDEX ix_rm_placement_period_waiting
    ON rm_placement_period (status, valid_to, valid_from, primary_need, year_group, referred_on);
-- The capacity dashboard's over-capacity decisions join the periods holding a place over capacity on the date by
-- placement and provision (CapacityReader.DECISIONS_AS_AT). H2's index rows hold the key (placement_id, seq) already;
-- PostgreSQL's point at the table, which it visited for every period to read them.
DROP INDEX ix_rm_placement_period_over_capacity;
CREATE INDEX ix_rm_placement_period_over_capacity
    ON rm_placement_period (over_capacity, status, valid_to, valid_from, provision_id, placement_id);
