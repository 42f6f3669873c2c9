-- Issue 14: the waiting periods' index (V126, V167) is read for status = 'REFERRED' alone (the waiting list as at a
-- date, DashboardQueries.WAITING_AS_AT). On PostgreSQL it now holds those periods alone: about a third of the
-- periods, for every change of a period to keep up and every rebuild to build. H2 has no partial indexes and keeps
-- V167's. The columns stay as V167 wrote them, so that both databases' indexes are the same list (ReadModels).
DROP INDEX ix_rm_placement_period_waiting;
CREATE INDEX ix_rm_placement_period_waiting
    ON rm_placement_period (status, valid_to, valid_from, primary_need, year_group, referred_on)
    WHERE status = 'REFERRED';
