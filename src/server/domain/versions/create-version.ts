import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ForbiddenError } from "../errors";
import type { CreateVersionInput } from "./schemas";
import { writeVersion } from "./write-version";
import { requestPromptEmbedding } from "../embeddings/request-embedding";
import { emitVersionEvent } from "./version-events";

const PROPOSE_INSTEAD = "Propose it for review instead (version.propose).";

/**
 * Saving new content never edits a version: it appends the next one, published at once (approved,
 * `latest` moves). On an organisation's prompt only roles that may publish do this, and never on a
 * global prompt, whose versions always go through two approvals: the refusal points at
 * version.propose. `createdAt` is for importing history (the demo seed); the API never sets it.
 */
export async function createVersion(db: Db, actor: Actor, input: CreateVersionInput, opts: { createdAt?: Date; request?: RequestMeta | null } = {}) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  // Checked before the write's transaction, so a refusal's audit entry is kept.
  if (prompt.orgId && prompt.global) {
    await recordAudit(db, { actor, action: "version.publish", outcome: "refused", orgId: prompt.orgId, target: { type: "prompt", id: prompt.id }, comment: "global prompt: versions need two approvals", request: opts.request });
    throw new ForbiddenError(`Versions of a global prompt need two approvals. ${PROPOSE_INSTEAD}`);
  }
  try {
    await assertPromptAction(db, actor, prompt, "version.publish", { request: opts.request, target: { type: "prompt", id: prompt.id } });
  } catch (error) {
    if (prompt.orgId && error instanceof ForbiddenError) throw new ForbiddenError(`${error.message} ${PROPOSE_INSTEAD}`);
    throw error;
  }
  const created = await db.$transaction(async (tx) => {
    const version = await writeVersion(tx, actor, prompt.id, { ...input, createdAt: opts.createdAt }, "approved", { orgId: prompt.orgId, request: opts.request });
    if (prompt.orgId) {
      await recordAudit(tx, { actor, action: "version.publish", orgId: prompt.orgId, target: { type: "version", id: version.id }, to: `v${version.number} approved`, comment: input.changelog ?? null, request: opts.request, details: { promptId: prompt.id, number: version.number } });
    }
    return { id: version.id, number: version.number, promptId: prompt.id };
  });
  await emitVersionEvent(db, "version.published", { prompt, version: created, actor });
  // After the commit: the embed job must find the new latest body.
  await requestPromptEmbedding(created.promptId);
  return { id: created.id, number: created.number };
}
