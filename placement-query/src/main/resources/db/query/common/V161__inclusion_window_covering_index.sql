-- Issue 14: the inclusion dashboard's twelve-month window of milestones read from the index alone. The index on
-- on_date (V126) found the window's rows but fetched each from the table, in date order, so scattered across it;
-- this one holds every column the dashboard reads, so PostgreSQL answers by an index-only scan and H2 without a
-- lookup per row.
DROP INDEX ix_rm_milestone_on;
CREATE INDEX ix_rm_milestone_window ON rm_placement_milestone
    (on_date, kind, provision_id, days_from_referral, days_from_offer);
