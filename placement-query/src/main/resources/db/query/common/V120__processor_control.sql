-- Coordination of query instances sharing one database (uk.placements.query.operations). Not projections: a rebuild
-- leaves them alone. Times are epoch milliseconds of each instance's own clock, as Axon's TokenEntry timestamps are.

-- The desired state of each processing group on every instance: RUNNING or STOPPED (a rebuild stops it everywhere,
-- resets it and starts it again). No row means RUNNING.
CREATE TABLE processor_control (
    processing_group VARCHAR(100) PRIMARY KEY,
    desired_state    VARCHAR(10)  NOT NULL,
    changed_at       BIGINT       NOT NULL,
    changed_by       VARCHAR(200) NOT NULL
);

-- Each running query instance and its last heartbeat: the live instances share each group's segments fairly.
CREATE TABLE query_instance (
    instance_id  VARCHAR(200) PRIMARY KEY,
    heartbeat_at BIGINT       NOT NULL
);
