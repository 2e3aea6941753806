CREATE TABLE "UsageRollupTotal" (
    "granularity" "RollupGranularity" NOT NULL,
    "scope" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "scopeId" TEXT NOT NULL,
    "views" INTEGER NOT NULL,
    "renders" INTEGER NOT NULL,
    "copies" INTEGER NOT NULL,
    "likes" INTEGER NOT NULL,
    "forks" INTEGER NOT NULL,
    "capturedUses" INTEGER NOT NULL,
    "harnessRuns" INTEGER NOT NULL,
    "revenueCents" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "UsageRollupTotal_pkey" PRIMARY KEY ("granularity","scope","bucket","scopeId")
);
CREATE TABLE "CaptureModelHour" (
    "hour" TIMESTAMP(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "modelIsNull" BOOLEAN NOT NULL,
    "calls" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "costUsd" DECIMAL(28,10),
    "pricedCalls" INTEGER NOT NULL,
    "latencyMsSum" BIGINT NOT NULL,

    CONSTRAINT "CaptureModelHour_pkey" PRIMARY KEY ("hour","provider","model","modelIsNull")
);

-- UsageRollupTotal follows UsageRollup's "prompt" and "author" rows of the figures' kinds (those the
-- dashboards count: analytics-queries.ts FIGURE_KINDS) whoever writes them: the rollup job (delete
-- then insert), tests, a repair by hand. Statement triggers add the inserted rows' sums and subtract
-- the deleted ones' (an update does both); a total with no row behind it any more (n = 0) goes.
CREATE FUNCTION "usage_rollup_total_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO "UsageRollupTotal" AS t ("granularity", "scope", "bucket", "scopeId", "views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events", "n")
    SELECT "granularity", "scope", "bucket", "scopeId",
           -COALESCE(sum("count") FILTER (WHERE "kind" = 'view'), 0), -COALESCE(sum("count") FILTER (WHERE "kind" = 'render'), 0),
           -COALESCE(sum("count") FILTER (WHERE "kind" = 'copy'), 0), -COALESCE(sum("count") FILTER (WHERE "kind" = 'like'), 0),
           -COALESCE(sum("count") FILTER (WHERE "kind" = 'fork'), 0), -COALESCE(sum("count") FILTER (WHERE "kind" = 'captured_use'), 0),
           -COALESCE(sum("count") FILTER (WHERE "kind" = 'harness_run'), 0), -sum("amountCents"),
           -COALESCE(sum("count") FILTER (WHERE "kind" NOT IN ('purchase', 'refund')), 0), -sum("count")
      FROM old_rows
     WHERE "scope" IN ('prompt', 'author') AND "kind" IN ('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')
     GROUP BY 1, 2, 3, 4
    ON CONFLICT ("granularity", "scope", "bucket", "scopeId") DO UPDATE SET
      "views" = t."views" + EXCLUDED."views", "renders" = t."renders" + EXCLUDED."renders", "copies" = t."copies" + EXCLUDED."copies",
      "likes" = t."likes" + EXCLUDED."likes", "forks" = t."forks" + EXCLUDED."forks", "capturedUses" = t."capturedUses" + EXCLUDED."capturedUses",
      "harnessRuns" = t."harnessRuns" + EXCLUDED."harnessRuns", "revenueCents" = t."revenueCents" + EXCLUDED."revenueCents",
      "events" = t."events" + EXCLUDED."events", "n" = t."n" + EXCLUDED."n";
    DELETE FROM "UsageRollupTotal" t
     WHERE t."n" = 0 AND ("granularity", "scope", "bucket", "scopeId") IN (SELECT "granularity", "scope", "bucket", "scopeId" FROM old_rows WHERE "scope" IN ('prompt', 'author'));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "UsageRollupTotal" AS t ("granularity", "scope", "bucket", "scopeId", "views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events", "n")
    SELECT "granularity", "scope", "bucket", "scopeId",
           COALESCE(sum("count") FILTER (WHERE "kind" = 'view'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'render'), 0),
           COALESCE(sum("count") FILTER (WHERE "kind" = 'copy'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'like'), 0),
           COALESCE(sum("count") FILTER (WHERE "kind" = 'fork'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'captured_use'), 0),
           COALESCE(sum("count") FILTER (WHERE "kind" = 'harness_run'), 0), sum("amountCents"),
           COALESCE(sum("count") FILTER (WHERE "kind" NOT IN ('purchase', 'refund')), 0), sum("count")
      FROM new_rows
     WHERE "scope" IN ('prompt', 'author') AND "kind" IN ('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')
     GROUP BY 1, 2, 3, 4
    ON CONFLICT ("granularity", "scope", "bucket", "scopeId") DO UPDATE SET
      "views" = t."views" + EXCLUDED."views", "renders" = t."renders" + EXCLUDED."renders", "copies" = t."copies" + EXCLUDED."copies",
      "likes" = t."likes" + EXCLUDED."likes", "forks" = t."forks" + EXCLUDED."forks", "capturedUses" = t."capturedUses" + EXCLUDED."capturedUses",
      "harnessRuns" = t."harnessRuns" + EXCLUDED."harnessRuns", "revenueCents" = t."revenueCents" + EXCLUDED."revenueCents",
      "events" = t."events" + EXCLUDED."events", "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END $$;

-- A trigger with transition tables has one event each.
CREATE TRIGGER "UsageRollup_total_insert" AFTER INSERT ON "UsageRollup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollup_total_apply"();
CREATE TRIGGER "UsageRollup_total_delete" AFTER DELETE ON "UsageRollup" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollup_total_apply"();
CREATE TRIGGER "UsageRollup_total_update" AFTER UPDATE ON "UsageRollup" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollup_total_apply"();

CREATE FUNCTION "usage_rollup_total_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "UsageRollupTotal";
  RETURN NULL;
END $$;
CREATE TRIGGER "UsageRollup_total_truncate" AFTER TRUNCATE ON "UsageRollup"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_rollup_total_truncate"();

-- The rollups written before this migration.
INSERT INTO "UsageRollupTotal" ("granularity", "scope", "bucket", "scopeId", "views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events", "n")
SELECT "granularity", "scope", "bucket", "scopeId",
       COALESCE(sum("count") FILTER (WHERE "kind" = 'view'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'render'), 0),
       COALESCE(sum("count") FILTER (WHERE "kind" = 'copy'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'like'), 0),
       COALESCE(sum("count") FILTER (WHERE "kind" = 'fork'), 0), COALESCE(sum("count") FILTER (WHERE "kind" = 'captured_use'), 0),
       COALESCE(sum("count") FILTER (WHERE "kind" = 'harness_run'), 0), sum("amountCents"),
       COALESCE(sum("count") FILTER (WHERE "kind" NOT IN ('purchase', 'refund')), 0), sum("count")
  FROM "UsageRollup"
 WHERE "scope" IN ('prompt', 'author') AND "kind" IN ('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')
 GROUP BY 1, 2, 3, 4;

-- CaptureModelHour follows the Capture table: statement triggers add inserted captures (a recorder
-- batch is one statement; rows skipped by ON CONFLICT DO NOTHING are not in new_rows), subtract
-- deleted ones (an account's deletion, its cascade) and both for an update that changes what is
-- counted (identity's updates change none of it and cost one check). An hour and model with no
-- capture left goes.
CREATE FUNCTION "capture_model_hour_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: the check names both transition tables, which only an update has.
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (date_trunc('hour', o."createdAt"), o."provider", o."model", o."status", o."error" IS NULL, o."costUsd", o."latencyMs")
             IS DISTINCT FROM (date_trunc('hour', n."createdAt"), n."provider", n."model", n."status", n."error" IS NULL, n."costUsd", n."latencyMs")
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO "CaptureModelHour" AS t ("hour", "provider", "model", "modelIsNull", "calls", "errors", "costUsd", "pricedCalls", "latencyMsSum")
    SELECT date_trunc('hour', "createdAt"), "provider", COALESCE("model", ''), "model" IS NULL,
           -count(*), -count(*) FILTER (WHERE "status" >= 400 OR "error" IS NOT NULL), -sum("costUsd"), -count("costUsd"), -sum("latencyMs")
      FROM old_rows
     GROUP BY 1, 2, 3, 4
    ON CONFLICT ("hour", "provider", "model", "modelIsNull") DO UPDATE SET
      "calls" = t."calls" + EXCLUDED."calls", "errors" = t."errors" + EXCLUDED."errors",
      "costUsd" = CASE WHEN t."pricedCalls" + EXCLUDED."pricedCalls" = 0 THEN NULL ELSE COALESCE(t."costUsd", 0) + COALESCE(EXCLUDED."costUsd", 0) END,
      "pricedCalls" = t."pricedCalls" + EXCLUDED."pricedCalls", "latencyMsSum" = t."latencyMsSum" + EXCLUDED."latencyMsSum";
    DELETE FROM "CaptureModelHour" t
     WHERE t."calls" = 0 AND (t."hour", t."provider", t."model", t."modelIsNull") IN (SELECT date_trunc('hour', "createdAt"), "provider", COALESCE("model", ''), "model" IS NULL FROM old_rows);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CaptureModelHour" AS t ("hour", "provider", "model", "modelIsNull", "calls", "errors", "costUsd", "pricedCalls", "latencyMsSum")
    SELECT date_trunc('hour', "createdAt"), "provider", COALESCE("model", ''), "model" IS NULL,
           count(*), count(*) FILTER (WHERE "status" >= 400 OR "error" IS NOT NULL), sum("costUsd"), count("costUsd"), sum("latencyMs")
      FROM new_rows
     GROUP BY 1, 2, 3, 4
    ON CONFLICT ("hour", "provider", "model", "modelIsNull") DO UPDATE SET
      "calls" = t."calls" + EXCLUDED."calls", "errors" = t."errors" + EXCLUDED."errors",
      "costUsd" = CASE WHEN t."pricedCalls" + EXCLUDED."pricedCalls" = 0 THEN NULL ELSE COALESCE(t."costUsd", 0) + COALESCE(EXCLUDED."costUsd", 0) END,
      "pricedCalls" = t."pricedCalls" + EXCLUDED."pricedCalls", "latencyMsSum" = t."latencyMsSum" + EXCLUDED."latencyMsSum";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Capture_model_hour_insert" AFTER INSERT ON "Capture" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capture_model_hour_apply"();
CREATE TRIGGER "Capture_model_hour_delete" AFTER DELETE ON "Capture" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capture_model_hour_apply"();
CREATE TRIGGER "Capture_model_hour_update" AFTER UPDATE ON "Capture" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capture_model_hour_apply"();

CREATE FUNCTION "capture_model_hour_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "CaptureModelHour";
  RETURN NULL;
END $$;
CREATE TRIGGER "Capture_model_hour_truncate" AFTER TRUNCATE ON "Capture"
  FOR EACH STATEMENT EXECUTE FUNCTION "capture_model_hour_truncate"();

-- The captures stored before this migration.
INSERT INTO "CaptureModelHour" ("hour", "provider", "model", "modelIsNull", "calls", "errors", "costUsd", "pricedCalls", "latencyMsSum")
SELECT date_trunc('hour', "createdAt"), "provider", COALESCE("model", ''), "model" IS NULL,
       count(*), count(*) FILTER (WHERE "status" >= 400 OR "error" IS NOT NULL), sum("costUsd"), count("costUsd"), sum("latencyMs")
  FROM "Capture"
 GROUP BY 1, 2, 3, 4;
