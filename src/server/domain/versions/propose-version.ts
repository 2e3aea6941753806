// A proposal: the next numbered version, in review. It moves no label and stays invisible to
// anyone who may not read unapproved versions until an owner or admin approves it (two different
// people, neither the author, on a global prompt: review-version.ts).
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ValidationError } from "../errors";
import type { CreateVersionInput } from "./schemas";
import { emitVersionEvent } from "./version-events";
import { writeVersion } from "./write-version";

export async function proposeVersion(db: Db, actor: Actor, input: CreateVersionInput, opts: { request?: RequestMeta | null } = {}) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  // Outside the write's transaction, so a refusal's audit entry is kept.
  await assertPromptAction(db, actor, prompt, "version.propose", { request: opts.request, target: { type: "prompt", id: prompt.id } });
  if (!prompt.orgId) throw new ValidationError("promptId: only an organisation's prompts take proposals; publish a version of your own prompt with version.create.", { promptId: ["is a personal prompt: use version.create"] });
  const orgId = prompt.orgId;
  const version = await db.$transaction(async (tx) => {
    const written = await writeVersion(tx, actor, prompt.id, input, "in_review");
    await recordAudit(tx, {
      actor,
      action: "version.propose",
      orgId,
      target: { type: "version", id: written.id },
      to: `v${written.number} in review`,
      comment: input.changelog ?? null,
      request: opts.request,
      details: { promptId: prompt.id, number: written.number, approvalsNeeded: approvalsNeeded(prompt) },
    });
    return written;
  });
  await emitVersionEvent(db, "version.proposed", { prompt, version, actor, comment: input.changelog });
  return { id: version.id, number: version.number, promptId: prompt.id, status: version.status, approvalsNeeded: approvalsNeeded(prompt) };
}

/** Approvals a proposal needs: two on a global prompt, one otherwise. */
export const approvalsNeeded = (prompt: { global: boolean }) => (prompt.global ? 2 : 1);
