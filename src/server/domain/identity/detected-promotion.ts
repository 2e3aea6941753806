// What promoting a Detected inbox entry and accepting its suggested fork share: the entry locked for
// its owner, the body the library prompt starts from, and handing the entry's captures to that prompt.
import "server-only";
import type { Tx } from "@/server/db/prisma";
import { withoutLoneUserRole } from "@/shared/captures/lone-user-message";
import { bodySchema } from "@/shared/prompts/prompt-fields";
import type { Actor } from "../actor";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { lockOwnerCaptures } from "../templates/owner-capture-lock";
import { countTemplateCapturesAsUses } from "../templates/promote-template";

const lockedSelect = {
  id: true,
  title: true,
  status: true,
  callCount: true,
  identityText: true,
  exampleText: true,
  templateId: true,
  suggestedForkOfPromptId: true,
  promotedPrompt: { select: { slug: true } },
  template: { select: { shell: true, promotedPrompt: { select: { slug: true } } } },
} as const;

/** The caller's entry, locked until the transaction ends; NOT_FOUND for anyone else's. */
export async function lockDetected(tx: Tx, actor: Actor, detectedPromptId: string) {
  // Identity and re-clustering hold it too: no capture joins the entry or its template meanwhile.
  await lockOwnerCaptures(tx, actor.id);
  const detected = await tx.detectedPrompt.findFirst({ where: { id: detectedPromptId, ownerId: actor.id }, select: lockedSelect });
  if (!detected) throw new NotFoundError("Detected prompt");
  return detected;
}
export type LockedDetected = Awaited<ReturnType<typeof lockDetected>>;

/** Promoting twice (or an entry whose template was promoted) would make two library prompts of one prompt. */
export function assertNotPromoted(detected: LockedDetected) {
  const promoted = detected.status === "promoted" ? detected.promotedPrompt : detected.template?.promotedPrompt;
  if (detected.status !== "promoted" && !promoted) return;
  const where = promoted ? ` as ${promoted.slug}` : "";
  throw new ConflictError(`detectedPromptId: this detected prompt is already in your library${where}.`, { detectedPromptId: ["is already promoted"] });
}

/**
 * What version 1 says: the template's shell with its {{variables}} when induction found one;
 * otherwise the identity text, which is the instructions the calls shared (system prompt, developer
 * messages, tools) or, for calls without instructions, the whole prompt (identity-text.ts), without
 * the role of a lone user message.
 */
export function promotionBody(detected: LockedDetected): string {
  const body = withoutLoneUserRole(detected.template?.shell ?? detected.identityText);
  const checked = bodySchema.safeParse(body);
  if (!checked.success) {
    const messages = checked.error.issues.map((i) => i.message);
    throw new ValidationError(`body: the captured text cannot be a prompt body: ${messages.join("; ")}`, { body: messages });
  }
  return body;
}

/**
 * The entry's captures become uses of the library prompt (decision "same", linked to it): through
 * its template when version 1 is the template's shell (templates/promote-template.ts: every call
 * that fits the template, linked to version 1 with its values, and the template marked promoted),
 * and the entry's other calls directly. The prompt's usage counts them; the entry is promoted.
 */
export async function handCapturesTo(tx: Tx, actor: Actor, detected: LockedDetected, prompt: { id: string; version: { id: string } }) {
  let linked = 0;
  if (detected.templateId && detected.template) {
    await tx.promptTemplate.update({ where: { id: detected.templateId }, data: { promotedPromptId: prompt.id } });
    linked += await countTemplateCapturesAsUses(tx, { ownerId: actor.id, templateId: detected.templateId, promptId: prompt.id, versionId: prompt.version.id, detected: "all" });
  }
  const [rest] = await tx.$queryRaw<{ count: number; last: Date | null }[]>`
    WITH moved AS (
      UPDATE "Capture" SET decision = 'same', "matchedPromptId" = ${prompt.id}, "resultPromptId" = ${prompt.id}
      WHERE "ownerId" = ${actor.id} AND "detectedPromptId" = ${detected.id} AND decision IN ('new', 'variant')
      RETURNING "createdAt"
    )
    SELECT count(*)::int AS count, max("createdAt") AS last FROM moved`;
  if (rest.count > 0) {
    await tx.$executeRaw`
      UPDATE "Prompt" SET "captureCount" = "captureCount" + ${rest.count}, "lastCapturedAt" = GREATEST("lastCapturedAt", ${rest.last})
      WHERE id = ${prompt.id}`;
  }
  await tx.detectedPrompt.update({ where: { id: detected.id }, data: { status: "promoted", promotedPromptId: prompt.id } });
  return { capturesLinked: linked + rest.count };
}
