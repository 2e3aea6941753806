// A detected prompt that identity found to be a variant of a library prompt: accepting the
// suggestion makes a private fork of that prompt's latest version whose body is the detected text
// (the template's shell when there is one). Its captures become uses of the fork.
import "server-only";
import { joinTransaction } from "@/server/db/join-transaction";
import type { Db } from "@/server/db/prisma";
import type { Category } from "@/shared/prompts/categories";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { requestPromptEmbedding } from "../embeddings/request-embedding";
import { createPrompt } from "../prompts/create-prompt";
import type { AcceptForkInput } from "./detected-schemas";
import { assertNotPromoted, handCapturesTo, lockDetected, promotionBody } from "./detected-promotion";

const NO_SUGGESTION = "has no suggested prompt to fork";

export async function acceptSuggestedFork(db: Db, actor: Actor, input: AcceptForkInput) {
  const promoted = await db.$transaction(
    async (tx) => {
      const detected = await lockDetected(tx, actor, input.detectedPromptId);
      assertNotPromoted(detected);
      if (!detected.suggestedForkOfPromptId) throw new ValidationError(`detectedPromptId: this detected prompt ${NO_SUGGESTION}.`, { detectedPromptId: [NO_SUGGESTION] });
      // Suggestions come from the owner's own library; one archived since is no longer offered.
      const source = await tx.prompt.findFirst({
        where: { id: detected.suggestedForkOfPromptId, ownerId: actor.id, archivedAt: null },
        select: { slug: true, description: true, category: true, tags: true, visibility: true, labels: { where: { name: "latest" }, select: { version: { select: { id: true, number: true, variables: true, modelSettings: true } } } } },
      });
      const latest = source?.labels[0]?.version;
      if (!source || !latest) throw new ValidationError("detectedPromptId: the prompt this one was a variant of is no longer in your library.", { detectedPromptId: ["suggests a prompt no longer in your library"] });

      const body = promotionBody(detected);
      const created = await createPrompt(
        joinTransaction(tx),
        actor,
        {
          title: input.title ?? detected.title,
          description: source.description,
          category: source.category as Category,
          tags: source.tags,
          visibility: "private",
          body,
          // Like any fork's first changelog, it names its source only when that is public.
          changelog: source.visibility === "public" ? `Variant of ${source.slug} v${latest.number}, from captured calls` : "Variant from captured calls",
          // Descriptions and defaults of variables the new body still has carry over.
          variables: latest.variables as PromptVariable[],
          modelSettings: latest.modelSettings as Record<string, unknown>,
        },
        { forkedFromVersionId: latest.id },
      );
      const { capturesLinked } = await handCapturesTo(tx, actor, detected, created);
      return { promptId: created.id, slug: created.slug, versionId: created.version.id, capturesLinked };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  // createPrompt asked for it inside the transaction, where the job may have looked too early.
  await requestPromptEmbedding(promoted.promptId);
  return promoted;
}
