-- Each sort index ends with id, as every ORDER BY here does (value DESC, id DESC): a walk stops after
-- the rows it needs instead of reading every row that ties on the value (most prompts share a
-- trending score of 0 and no likes) to sort the ties by id.
DROP INDEX "Prompt_visibility_likeCount_idx";
DROP INDEX "Prompt_visibility_ratingScore_idx";
DROP INDEX "Prompt_visibility_trending24h_idx";
DROP INDEX "Prompt_visibility_trending30d_idx";
DROP INDEX "Prompt_visibility_trending7d_idx";
CREATE INDEX "Prompt_visibility_trending24h_id_idx" ON "Prompt"("visibility", "trending24h" DESC, "id" DESC);
CREATE INDEX "Prompt_visibility_trending7d_id_idx" ON "Prompt"("visibility", "trending7d" DESC, "id" DESC);
CREATE INDEX "Prompt_visibility_trending30d_id_idx" ON "Prompt"("visibility", "trending30d" DESC, "id" DESC);
CREATE INDEX "Prompt_visibility_likeCount_id_idx" ON "Prompt"("visibility", "likeCount" DESC, "id" DESC);
CREATE INDEX "Prompt_visibility_ratingScore_id_idx" ON "Prompt"("visibility", "ratingScore" DESC, "id" DESC);
