-- Issue 14: the capacity dashboard's over-capacity decisions "as at" a date join the decisions to the placements'
-- periods that held their place over capacity on that date. PostgreSQL found those periods through
-- ix_rm_placement_period_waiting (status, valid_to, valid_from): every offered or admitted period open on the date,
-- each fetched from the table to test over_capacity (the benchmark's fixed authority, two fifths of the way to
-- 1,000,000 events: about 19,000 fetched for 1,780 kept, 48 ms). Led by over_capacity, this index reads the
-- over-capacity periods alone (1,200,000 periods of the same shape: 18.2 ms before, 3.9 ms after).
CREATE INDEX ix_rm_placement_period_over_capacity ON rm_placement_period (over_capacity, status, valid_to, valid_from);
