-- A rebuild writing a read model in several transactions (uk.placements.query.operations.DirectReplay, on H2) marks
-- the group here from the reset until its last rows and tokens commit. A mark whose instance is no longer alive
-- means the rebuild died half-way: the group's tables are cleared and its tokens reset before any instance runs its
-- processor again (HalfWrittenReadModels), so it is replayed from the start. Not a projection: a rebuild keeps it.
CREATE TABLE read_model_rebuild (
    processing_group VARCHAR(100) PRIMARY KEY,
    instance_id      VARCHAR(200) NOT NULL,
    started_at       BIGINT       NOT NULL
);
