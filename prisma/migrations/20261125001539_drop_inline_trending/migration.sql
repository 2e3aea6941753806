-- Trending is computed by the analytics job into Prompt.trending24h / trending7d / trending30d
-- (domain/analytics/trending.ts); the score bumped inline on each like, view, … goes.
DROP INDEX "Prompt_visibility_trendingScore_idx";
ALTER TABLE "Prompt" DROP COLUMN "trendingScore";
