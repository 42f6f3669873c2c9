-- Issue 14: two indexes of the placements' periods that no reader uses any more, dropped. Every change of a period
-- kept them up and every rebuild of the history built them again (at 1,000,000 events, a sixth of the history's
-- index bytes):
-- - ix_rm_placement_period_provision (V121) served the capacity views' count of a provision's periods, which read
--   the capacity ledger since V125 and V163;
-- - ix_rm_placement_period_dates (V100) served no query that has no better index: the waiting list reads
--   ix_rm_placement_period_waiting, and the placements CSV (every placement open on a date) reads most periods of
--   the history for a recent date, which a scan of the table answers.
DROP INDEX ix_rm_placement_period_provision;
DROP INDEX ix_rm_placement_period_dates;
