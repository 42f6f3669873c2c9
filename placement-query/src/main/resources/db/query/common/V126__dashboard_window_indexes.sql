-- Issue 14: a dashboard asked for a date never asked before reads what its answer needs, not the whole history.
-- The waiting list on a date D: the referrals still open (valid_to IS NULL) and those closed after D, both seeked
-- by (status, valid_to) instead of scanning every period that began before D.
CREATE INDEX ix_rm_placement_period_waiting ON rm_placement_period (status, valid_to, valid_from);
-- The inclusion dashboard's twelve-month window of milestones, seeked by date whatever their kind.
CREATE INDEX ix_rm_milestone_on ON rm_placement_milestone (on_date);
