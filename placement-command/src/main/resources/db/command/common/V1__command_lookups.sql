-- The command side's own lookups (history table flyway_command_history).

-- R-ONE-OPEN: at most one open placement per pupil, written in the command's own transaction.
CREATE TABLE open_placement (
    pupil_id     VARCHAR(36) PRIMARY KEY,
    placement_id VARCHAR(36) NOT NULL
);

-- Idempotency-Key: the first answer to each (user, key), committed with the command's events.
CREATE TABLE idempotent_request (
    user_id         VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    VARCHAR(64) NOT NULL,
    aggregate_id    VARCHAR(64) NOT NULL,
    version         BIGINT NOT NULL,
    created         BOOLEAN NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
