-- Issue 14: the waiting periods' index (V126, V167) is read for status = 'REFERRED' alone (the waiting list as at a
-- date, DashboardQueries.WAITING_AS_AT). On PostgreSQL it now holds those periods alone: about a third of the
-- periods, for every change of a period to keep up and every rebuild to build. H2 has no partial indexes and keeps
-- V167's. The status is not one of its columns: PostgreSQL takes a condition the predicate implies as met and does
-- not seek by it, so with the status first every read would scan the whole index instead of seeking (valid_to).
DROP INDEX ix_rm_placement_period_waiting;
CREATE INDEX ix_rm_placement_period_waiting
    ON rm_placement_period (valid_to, valid_from, primary_need, year_group, referred_on)
    WHERE status = 'REFERRED';
