-- The funding ledger (docs/funding.md, "The funding ledger") is computed by one function from this read model "as
-- known at" any moment, so each fact keeps the time it was recorded (its event's timestamp). Rows written before
-- this migration have no recording time and count as known since ever; a rebuild of "funding" fills them in.

-- When the admission and the leaving were recorded, and the pupil's primary need (from the referral: the spend
-- dashboard's "by need"). A row now exists from the referral on.
ALTER TABLE rm_funding_placement ADD COLUMN admitted_at TIMESTAMP;
ALTER TABLE rm_funding_placement ADD COLUMN left_at TIMESTAMP;
ALTER TABLE rm_funding_placement ADD COLUMN primary_need VARCHAR(10);

ALTER TABLE rm_funding_topup ADD COLUMN recorded_at TIMESTAMP;

-- Every value the tariff was given, in the order recorded (the tariff is one stream: seq is its sequence). The value
-- of a key for a year as known at T is that of the row with the greatest seq recorded at or before T.
-- kind: PLACE (item = provision type, year = academic year), BAND (item = band), PROVISION (item = provision id);
-- year of a BAND or PROVISION row is a financial year.
CREATE TABLE rm_funding_tariff (
    seq         BIGINT         PRIMARY KEY,
    kind        VARCHAR(10)    NOT NULL,
    item        VARCHAR(40)    NOT NULL,
    year_start  INT            NOT NULL,
    amount      NUMERIC(12, 2) NOT NULL,
    recorded_at TIMESTAMP      NOT NULL
);

CREATE INDEX ix_rm_funding_placement_provision ON rm_funding_placement (provision_id, admitted_on);
