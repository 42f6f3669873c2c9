-- How many units of work have changed each read model's rows (uk.placements.query.ReadModelChanges): moved in the
-- same transaction as the rows, by every batch of a processor that handled an event, and by every rebuild. Unlike a
-- processor's token, it does not move when the processor passes over events it does not handle, so the dashboards'
-- kept answers (DashboardCache) outlive those. Not a projection: a rebuild moves it on rather than clearing it.
CREATE TABLE read_model_change (
    processing_group VARCHAR(100) PRIMARY KEY,
    changes          BIGINT       NOT NULL
);

INSERT INTO read_model_change (processing_group, changes) VALUES ('placement-history', 0);
INSERT INTO read_model_change (processing_group, changes) VALUES ('provisions', 0);
INSERT INTO read_model_change (processing_group, changes) VALUES ('capacity-ledger', 0);
INSERT INTO read_model_change (processing_group, changes) VALUES ('funding', 0);
INSERT INTO read_model_change (processing_group, changes) VALUES ('place-change', 0);
