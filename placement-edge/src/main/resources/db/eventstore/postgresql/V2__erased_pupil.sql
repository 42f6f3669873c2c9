-- Erasure leaves a tombstone: the pupil's id and when. A read model that finds no key for a pupil can then tell an
-- erased pupil (a row here) from one whose key is still being committed (under Axon Server the events reach the
-- event store a moment before the command's database transaction, and with it the new key, commits).
CREATE TABLE erased_pupil (
    pupil_id  VARCHAR(36) PRIMARY KEY,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL
);
