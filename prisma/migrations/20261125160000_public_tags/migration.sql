-- CreateTable
CREATE TABLE "PublicTag" (
    "tag" TEXT NOT NULL,
    "uses" INTEGER NOT NULL,

    CONSTRAINT "PublicTag_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "PublicTag_tag_trgm_idx" ON "PublicTag" USING GIN ("tag" gin_trgm_ops);

-- How many public, live (not archived) prompts carry each tag, kept by triggers on "Prompt": the tag
-- vocabulary of "did you mean" and the tag input read this instead of every prompt's tags (at 100k
-- prompts that read was 225 ms of a mistyped search). Inserts and deletes count per statement (bulk
-- loads, cascades), updates per row and only when tags, visibility or archiving change. Tags are
-- touched in key order, so concurrent writers lock them in the same order.
CREATE FUNCTION "public_tag_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "PublicTag" ("tag", "uses")
    SELECT x.t, count(*)::int FROM (
      SELECT DISTINCT n."id", unnest(n."tags") AS t FROM new_rows n WHERE n."visibility" = 'public' AND n."archivedAt" IS NULL
    ) x GROUP BY x.t ORDER BY x.t
    ON CONFLICT ("tag") DO UPDATE SET "uses" = "PublicTag"."uses" + EXCLUDED."uses";
  ELSE
    UPDATE "PublicTag" pt SET "uses" = pt."uses" - d.n FROM (
      SELECT x.t, count(*)::int AS n FROM (
        SELECT DISTINCT o."id", unnest(o."tags") AS t FROM old_rows o WHERE o."visibility" = 'public' AND o."archivedAt" IS NULL
      ) x GROUP BY x.t
    ) d WHERE pt."tag" = d.t;
    DELETE FROM "PublicTag" WHERE "uses" <= 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Prompt_public_tags_insert" AFTER INSERT ON "Prompt" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "public_tag_statement"();
CREATE TRIGGER "Prompt_public_tags_delete" AFTER DELETE ON "Prompt" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "public_tag_statement"();

CREATE FUNCTION "public_tag_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."visibility" = 'public' AND OLD."archivedAt" IS NULL THEN
    UPDATE "PublicTag" SET "uses" = "uses" - 1 WHERE "tag" IN (SELECT unnest(OLD."tags"));
    DELETE FROM "PublicTag" WHERE "uses" <= 0 AND "tag" IN (SELECT unnest(OLD."tags"));
  END IF;
  IF NEW."visibility" = 'public' AND NEW."archivedAt" IS NULL THEN
    INSERT INTO "PublicTag" ("tag", "uses")
    SELECT DISTINCT t, 1 FROM unnest(NEW."tags") AS t ORDER BY t
    ON CONFLICT ("tag") DO UPDATE SET "uses" = "PublicTag"."uses" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Prompt_public_tags_update" AFTER UPDATE OF "tags", "visibility", "archivedAt" ON "Prompt"
  FOR EACH ROW WHEN (OLD."tags" IS DISTINCT FROM NEW."tags" OR OLD."visibility" IS DISTINCT FROM NEW."visibility"
    OR (OLD."archivedAt" IS NULL) <> (NEW."archivedAt" IS NULL))
  EXECUTE FUNCTION "public_tag_row"();

-- What exists already.
INSERT INTO "PublicTag" ("tag", "uses")
SELECT x.t, count(*)::int FROM (
  SELECT DISTINCT p."id", unnest(p."tags") AS t FROM "Prompt" p WHERE p."visibility" = 'public' AND p."archivedAt" IS NULL
) x GROUP BY x.t;
