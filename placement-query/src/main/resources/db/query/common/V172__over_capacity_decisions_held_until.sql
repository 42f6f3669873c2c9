-- Issue 14: the capacity dashboard's over-capacity decisions "as at" a date (CapacityReader.DECISIONS_AS_AT) are those
-- of the placements holding a place over capacity on the date. They were found by joining each decision to the
-- placement's periods (placement-history), each period holding a place over capacity a heap fetch on PostgreSQL
-- (half-way to 1,000,000 events: about 3,000 of them, 33 ms of a cold capacity dashboard's 61). Each decision now keeps
-- the day its place was released (held_until, from the provision's own PlaceReleased; null while held), so the
-- decisions in force on a date are read from this small table alone, by the index below: those still held, and those
-- released after the date.
ALTER TABLE rm_over_capacity_decision ADD COLUMN held_until DATE;
CREATE INDEX ix_rm_over_capacity_decision_held ON rm_over_capacity_decision (held_until, decided_on);
-- A release finds the decision it ends by its placement.
CREATE INDEX ix_rm_over_capacity_decision_placement ON rm_over_capacity_decision (placement_id, provision_id);

-- The periods' over-capacity index (V166, V167, V169) served that join alone: nothing reads it now, and every change
-- of a period and every rebuild of placement-history no longer keeps it up.
DROP INDEX ix_rm_placement_period_over_capacity;

-- For reporting: the day the place held under the decision was released (null while held).
CREATE OR REPLACE VIEW report_over_capacity_decision AS
SELECT provision_id, seq, placement_id, decided_on, places_taken, commissioned_places, decided_by, held_until
FROM rm_over_capacity_decision;

-- The decisions already projected have no held_until yet: the provisions read model is cleared and replayed from
-- the start of the event store before its processor next runs, as after a rebuild that stopped half-way
-- (HalfWrittenReadModels), by a mark no live instance owns.
INSERT INTO read_model_rebuild (processing_group, instance_id, started_at)
VALUES ('provisions', 'V172__over_capacity_decisions_held_until', 0);
