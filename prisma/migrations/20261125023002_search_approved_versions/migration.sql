-- Search indexes a prompt's latest APPROVED body: a proposal (in review) or a rejected version must
-- not make a prompt findable by its words, since consumers see approved versions only (issue 16).
-- The document is recomputed when a version is written approved and when one becomes approved.
CREATE OR REPLACE FUNCTION "prompt_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "prompt_search_document"(NEW."title", NEW."tags", NEW."description",
    (SELECT v."body" FROM "PromptVersion" v WHERE v."promptId" = NEW."id" AND v."status" = 'approved' ORDER BY v."number" DESC LIMIT 1));
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION "prompt_version_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Prompt" p SET "searchVector" = "prompt_search_document"(p."title", p."tags", p."description",
    (SELECT v."body" FROM "PromptVersion" v WHERE v."promptId" = NEW."promptId" AND v."status" = 'approved' ORDER BY v."number" DESC LIMIT 1))
  WHERE p."id" = NEW."promptId";
  RETURN NULL;
END;
$$;

DROP TRIGGER "PromptVersion_search_refresh" ON "PromptVersion";
CREATE TRIGGER "PromptVersion_search_refresh" AFTER INSERT OR UPDATE OF "status" ON "PromptVersion"
  FOR EACH ROW WHEN (NEW."status" = 'approved') EXECUTE FUNCTION "prompt_version_search_refresh"();
