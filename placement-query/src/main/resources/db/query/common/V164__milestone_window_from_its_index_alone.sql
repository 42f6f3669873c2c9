-- Issue 14: the inclusion dashboard and the bases' comparison read the twelve-month window of milestones from
-- ix_rm_milestone_window (V161) alone. They now read the table, not report_placement_milestone: through the view H2
-- computes every column of the view for each row, and placement_id and seq are not in the index, so it looked up each
-- row in the table (two fifths of a cold inclusion dashboard's samples on 100,000 events). Read from the table, H2
-- chose ix_rm_milestone_kind (kind, on_date) for "these kinds within these dates", again with a lookup per row; the
-- window index answers the same question (a range of on_date, kind filtered in the index), so the kind index goes.
DROP INDEX ix_rm_milestone_kind;
