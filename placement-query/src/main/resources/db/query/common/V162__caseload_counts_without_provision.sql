-- Issue 14: the caseload's totals within one provision are counted from that provision's placements (the index that
-- leads with provision_id), no longer kept: the kept combinations that named a provision were most of this table.
DELETE FROM rm_caseload_count WHERE filter_key LIKE '%provisionId=%';
