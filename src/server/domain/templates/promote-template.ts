// Promoting an induced template: a private library prompt whose version 1 is the template's shell
// with its {{variables}}. The template's captures become uses of that version (decision "same", their
// template values as the variables' values), its detected prompt leaves the inbox as "promoted", and
// later captures that fit the shell count as the prompt's usage (identity's fit-template).
import "server-only";
import { joinTransaction } from "@/server/db/join-transaction";
import type { Db, Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { requestPromptEmbedding } from "../embeddings/request-embedding";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { createPrompt } from "../prompts/create-prompt";
import { createPromptInput } from "../prompts/schemas";
import { withoutLoneUserRole } from "@/shared/captures/lone-user-message";
import { lockOwnerCaptures } from "./owner-capture-lock";
import type { PromoteTemplateInput } from "./schemas";

export type PromotedTemplate = { promptId: string; slug: string; capturesLinked: number };

export async function promoteTemplate(db: Db, actor: Actor, input: PromoteTemplateInput): Promise<PromotedTemplate> {
  const promoted = await db.$transaction(
    async (tx) => {
      await lockOwnerCaptures(tx, actor.id);
      const template = await tx.promptTemplate.findFirst({
        where: { id: input.templateId, ownerId: actor.id },
        select: { id: true, shell: true, captureCount: true, promotedPromptId: true, promotedPrompt: { select: { slug: true } } },
      });
      if (!template) throw new NotFoundError("Template");
      if (template.promotedPromptId) {
        const where = template.promotedPrompt ? ` as ${template.promotedPrompt.slug}` : "";
        throw new ConflictError(`Template ${template.id} is already promoted${where}.`, { templateId: ["is already promoted"] });
      }
      const calls = template.captureCount === 1 ? "1 captured call" : `${template.captureCount} captured calls`;
      const parsed = createPromptInput.safeParse({
        title: input.title,
        category: input.category,
        description: `Promoted from a template induced from ${calls}.`,
        visibility: "private",
        body: withoutLoneUserRole(template.shell),
        changelog: "Promoted from a captured template",
      });
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          // The body is the template's shell, which the caller did not type: name it as such.
          const field = issue.path[0] === "body" ? "shell" : String(issue.path[0] ?? "input");
          (fieldErrors[field] ??= []).push(issue.message);
        }
        const summary = Object.entries(fieldErrors).map(([f, m]) => `${f} ${m.join(", ")}`).join("; ");
        throw new ValidationError(`Cannot promote template ${template.id}: ${summary}`, fieldErrors);
      }
      const prompt = await createPrompt(joinTransaction(tx), actor, parsed.data);
      await tx.promptTemplate.update({ where: { id: template.id }, data: { promotedPromptId: prompt.id } });
      const capturesLinked = await countTemplateCapturesAsUses(tx, {
        ownerId: actor.id,
        templateId: template.id,
        promptId: prompt.id,
        versionId: prompt.version.id,
        detected: "all",
      });
      return { promptId: prompt.id, slug: prompt.slug, capturesLinked };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  // createPrompt asked for it already, but inside this transaction: the job may have looked too early.
  await requestPromptEmbedding(promoted.promptId);
  return promoted;
}

/**
 * The template's inbox captures become uses of the library prompt it was promoted to (version
 * `versionId`, with their template values as the variables' values), counted in the prompt's usage.
 * The detected prompts they belong to are marked promoted: all of them ("all", the default: the owner
 * promotes the template or its detected prompt), or only those left with no inbox capture
 * ("emptied": re-clustering found captures that fit an already promoted template). Returns how many
 * captures moved. Identity's detected-promotion uses it too.
 */
export async function countTemplateCapturesAsUses(
  tx: Tx,
  target: { ownerId: string; templateId: string; promptId: string; versionId: string | null; detected?: "all" | "emptied" },
): Promise<number> {
  const { ownerId, templateId, promptId, versionId } = target;
  const onlyEmptied = (target.detected ?? "all") === "emptied";
  const [moved] = await tx.$queryRaw<{ count: number; last: Date | null }[]>`
    WITH moved AS (
      UPDATE "Capture"
      SET decision = 'same', "matchedPromptId" = ${promptId}, "resultPromptId" = ${promptId},
          "matchedVersionId" = COALESCE(${versionId}::text, "matchedVersionId"), "variableValues" = "templateValues"
      WHERE "ownerId" = ${ownerId} AND "templateId" = ${templateId} AND decision IN ('new', 'variant')
      RETURNING id, "createdAt", "detectedPromptId"
    ), detected AS (
      UPDATE "DetectedPrompt"
      SET status = 'promoted', "promotedPromptId" = ${promptId}, "templateId" = COALESCE("templateId", ${templateId}), "updatedAt" = now()
      WHERE "ownerId" = ${ownerId} AND status <> 'promoted'
        AND (("templateId" = ${templateId} AND NOT ${onlyEmptied}::boolean) OR id IN (SELECT "detectedPromptId" FROM moved WHERE "detectedPromptId" IS NOT NULL))
        AND (NOT ${onlyEmptied}::boolean OR NOT EXISTS (
          SELECT 1 FROM "Capture" c WHERE c."detectedPromptId" = "DetectedPrompt".id AND c.decision IN ('new', 'variant')
            AND c.id NOT IN (SELECT id FROM moved)))
      RETURNING id
    )
    SELECT count(*)::int AS count, max("createdAt") AS last FROM moved`;
  if (moved.count > 0) {
    await tx.$executeRaw`
      UPDATE "Prompt" SET "captureCount" = "captureCount" + ${moved.count}, "lastCapturedAt" = GREATEST("lastCapturedAt", ${moved.last}::timestamp)
      WHERE id = ${promptId}`;
  }
  return moved.count;
}
