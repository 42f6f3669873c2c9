-- Capacity as at a date (CapacityReader, report_capacity_now, capacity.csv and the live stream) joins each provision
-- to the periods that held a place there: without this index every provision scanned every placement's periods
-- (the benchmark's profile: most request-thread time in CapacityReader.asAt, p99 in seconds).
CREATE INDEX ix_rm_placement_period_provision ON rm_placement_period (provision_id, status, valid_from);
