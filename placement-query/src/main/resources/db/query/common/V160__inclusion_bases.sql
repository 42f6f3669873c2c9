-- Inclusion bases (issue 17, point 4; docs/inclusion-bases.md). The provisions read model keeps, beside each
-- provision, the inclusion-base model in force by the latest effective date (as the shared fold decides it), and
-- records every base fact as a change row by effective date, so that the standards view reads any date:
--   BASE_MODEL  base_model from effective_from
--   BASE_LEAD   lead_name from effective_from (the qualified teacher with day-to-day responsibility; staff data);
--               lead_name NULL: the post is vacant from effective_from
--   QT_ACCESS   pupils' weekly hours with a qualified teacher and their mainstream peers' from effective_from
-- Nothing recorded before this version holds such a fact, so the existing rows need no replay.
ALTER TABLE rm_provision ADD COLUMN base_model VARCHAR(20);
ALTER TABLE rm_provision ADD COLUMN base_model_from DATE;
ALTER TABLE rm_provision_change ADD COLUMN base_model VARCHAR(20);
ALTER TABLE rm_provision_change ADD COLUMN lead_name VARCHAR(200);
ALTER TABLE rm_provision_change ADD COLUMN qt_hours_per_week NUMERIC(5, 1);
ALTER TABLE rm_provision_change ADD COLUMN peer_hours_per_week NUMERIC(5, 1);
