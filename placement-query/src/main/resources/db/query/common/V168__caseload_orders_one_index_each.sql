-- Issue 14: the caseload page's ties in its sort column are now in placement id order in the sort's own direction
-- (CaseloadQueries.orderBy): "column DESC, placement_id DESC" rather than "column DESC, placement_id". Such an order is
-- one index read backwards, as PostgreSQL and H2 (2.3) both do when every column of the order is reversed, so each
-- sort column needs one index instead of a pair: five fewer indexes on rm_placement for every placement's change to
-- keep up and every rebuild to build.
DROP INDEX ix_rm_placement_referred_asc;
DROP INDEX ix_rm_placement_family_desc;
DROP INDEX ix_rm_placement_status_desc;
DROP INDEX ix_rm_placement_year_desc;
DROP INDEX ix_rm_placement_changed_desc;
-- the default order (newest referral first), within a status, within a provision and over every placement
DROP INDEX ix_rm_placement_status;
DROP INDEX ix_rm_placement_provision;
DROP INDEX ix_rm_placement_referred;
CREATE INDEX ix_rm_placement_status ON rm_placement (status, referred_on DESC, placement_id DESC);
CREATE INDEX ix_rm_placement_provision ON rm_placement (provision_id, referred_on DESC, placement_id DESC);
CREATE INDEX ix_rm_placement_referred ON rm_placement (referred_on DESC, placement_id DESC);
-- the index of the order by status serves both directions now: named for what it is
ALTER INDEX ix_rm_placement_status_asc RENAME TO ix_rm_placement_by_status;
