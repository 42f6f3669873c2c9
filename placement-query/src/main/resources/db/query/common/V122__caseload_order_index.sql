-- The caseload page's default order (newest referral first, then by id: CaseloadQueries.orderBy): with this index
-- a page is read in order from the index instead of sorting every placement for each page.
CREATE INDEX ix_rm_placement_referred ON rm_placement (referred_on DESC, placement_id);
