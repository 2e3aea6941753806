CREATE TABLE "PublicTitleWord" (
    "word" TEXT NOT NULL,
    "uses" INTEGER NOT NULL,

    CONSTRAINT "PublicTitleWord_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "PublicTitleWord_word_trgm_idx" ON "PublicTitleWord" USING GIN ("word" gin_trgm_ops);

-- How many public, live (not archived) prompts have each word in their title, kept by triggers on
-- "Prompt" like "PublicTag": the title vocabulary of "did you mean". It replaces reading the titles
-- that resemble the mistyped word (`word <% title`), which at 100k prompts read thousands of titles
-- and, with pg_trgm's word-similarity threshold of 0.6, missed a word with one letter changed
-- ("plaxful" never found "playful"). Words are touched in key order, so concurrent writers lock them
-- in the same order.
CREATE FUNCTION "title_words"(title TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(title), '[^[:alnum:]]+') AS w WHERE length(w) >= 3
$$;

CREATE FUNCTION "public_title_word_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "PublicTitleWord" ("word", "uses")
    SELECT w, count(*)::int FROM new_rows n CROSS JOIN LATERAL "title_words"(n."title") AS w
    WHERE n."visibility" = 'public' AND n."archivedAt" IS NULL
    GROUP BY w ORDER BY w
    ON CONFLICT ("word") DO UPDATE SET "uses" = "PublicTitleWord"."uses" + EXCLUDED."uses";
  ELSE
    UPDATE "PublicTitleWord" pw SET "uses" = pw."uses" - d.n FROM (
      SELECT w, count(*)::int AS n FROM old_rows o CROSS JOIN LATERAL "title_words"(o."title") AS w
      WHERE o."visibility" = 'public' AND o."archivedAt" IS NULL
      GROUP BY w
    ) d WHERE pw."word" = d.w;
    DELETE FROM "PublicTitleWord" WHERE "uses" <= 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Prompt_public_title_words_insert" AFTER INSERT ON "Prompt" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "public_title_word_statement"();
CREATE TRIGGER "Prompt_public_title_words_delete" AFTER DELETE ON "Prompt" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "public_title_word_statement"();

CREATE FUNCTION "public_title_word_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."visibility" = 'public' AND OLD."archivedAt" IS NULL THEN
    UPDATE "PublicTitleWord" SET "uses" = "uses" - 1 WHERE "word" IN (SELECT "title_words"(OLD."title"));
    DELETE FROM "PublicTitleWord" WHERE "uses" <= 0 AND "word" IN (SELECT "title_words"(OLD."title"));
  END IF;
  IF NEW."visibility" = 'public' AND NEW."archivedAt" IS NULL THEN
    INSERT INTO "PublicTitleWord" ("word", "uses")
    SELECT w, 1 FROM "title_words"(NEW."title") AS w ORDER BY w
    ON CONFLICT ("word") DO UPDATE SET "uses" = "PublicTitleWord"."uses" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Prompt_public_title_words_update" AFTER UPDATE OF "title", "visibility", "archivedAt" ON "Prompt"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."visibility" IS DISTINCT FROM NEW."visibility"
    OR (OLD."archivedAt" IS NULL) <> (NEW."archivedAt" IS NULL))
  EXECUTE FUNCTION "public_title_word_row"();

-- What exists already.
INSERT INTO "PublicTitleWord" ("word", "uses")
SELECT w, count(*)::int FROM "Prompt" p CROSS JOIN LATERAL "title_words"(p."title") AS w
WHERE p."visibility" = 'public' AND p."archivedAt" IS NULL
GROUP BY w;
