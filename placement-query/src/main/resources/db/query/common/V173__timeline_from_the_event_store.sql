-- Issue 14: a placement's timeline is read from its own events in the event store (PlacementTimeline), no longer
-- kept by the caseload. The table held three of every four of the caseload's rows (650,000 of 862,000 at 1,000,000
-- events), each written again by every rebuild, for a read the event store answers from its index on the aggregate.
DROP TABLE rm_timeline;
