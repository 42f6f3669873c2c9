-- Issue 14: the caseload page's cost does not grow with the placements outside the page.

-- Processing group "caseload": the page's total, kept instead of counted (uk.placements.query.caseload.CaseloadCounts).
-- For every combination of the caseload's filters that some placement matches, how many do. filter_key is the
-- combination as name=value pairs in a fixed order joined by '&' (status, provisionId, need, yearGroup, type; '' is
-- no filter), e.g. 'status=ADMITTED&yearGroup=7'. A total is kept in parts (by placement, as the processor's
-- segments are) so that two segments never change one row; the total is their sum. A part exists only above zero.
-- Not kept: the free-text search (q), whose total is counted.
CREATE TABLE rm_caseload_count (
    filter_key  VARCHAR(200) NOT NULL,
    part        SMALLINT     NOT NULL,
    placements  BIGINT       NOT NULL,
    PRIMARY KEY (filter_key, part)
);

-- A page read in its order from an index, for every order the page offers (CaseloadQueries.orderBy: the sort column,
-- ascending or descending, then the placement id ascending), and for the default order within a status or a
-- provision (which replace the indexes by (status, referred_on) and (provision_id, status) that served only this page).
DROP INDEX ix_rm_placement_status;
DROP INDEX ix_rm_placement_provision;
CREATE INDEX ix_rm_placement_status ON rm_placement (status, referred_on DESC, placement_id);
CREATE INDEX ix_rm_placement_provision ON rm_placement (provision_id, referred_on DESC, placement_id);
CREATE INDEX ix_rm_placement_referred_asc ON rm_placement (referred_on, placement_id);
CREATE INDEX ix_rm_placement_family ON rm_placement (family_name, placement_id);
CREATE INDEX ix_rm_placement_family_desc ON rm_placement (family_name DESC, placement_id);
CREATE INDEX ix_rm_placement_status_asc ON rm_placement (status, placement_id);
CREATE INDEX ix_rm_placement_status_desc ON rm_placement (status DESC, placement_id);
CREATE INDEX ix_rm_placement_year ON rm_placement (year_group, placement_id);
CREATE INDEX ix_rm_placement_year_desc ON rm_placement (year_group DESC, placement_id);
CREATE INDEX ix_rm_placement_changed ON rm_placement (last_recorded_at, placement_id);
CREATE INDEX ix_rm_placement_changed_desc ON rm_placement (last_recorded_at DESC, placement_id);

-- The placements already projected have no totals yet: the caseload is cleared and replayed from the start of the
-- event store before its processor next runs, as after a rebuild that stopped half-way (HalfWrittenReadModels), by
-- a mark no live instance owns.
INSERT INTO read_model_rebuild (processing_group, instance_id, started_at)
VALUES ('caseload', 'V142__caseload_counts', 0);
