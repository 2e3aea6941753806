-- UsageRollupTotal is now written by the rollup job itself, from the rows it inserts into
-- UsageRollup in the same statement (src/server/domain/analytics/rollup.ts): the job is UsageRollup's
-- only writer, and the statement triggers cost the job a second pass over every row it wrote
-- (and, when it recomputes the current day every few minutes, one over every row it deleted).
DROP TRIGGER "UsageRollup_total_insert" ON "UsageRollup";
DROP TRIGGER "UsageRollup_total_delete" ON "UsageRollup";
DROP TRIGGER "UsageRollup_total_update" ON "UsageRollup";
DROP TRIGGER "UsageRollup_total_truncate" ON "UsageRollup";
DROP FUNCTION "usage_rollup_total_apply"();
DROP FUNCTION "usage_rollup_total_truncate"();
