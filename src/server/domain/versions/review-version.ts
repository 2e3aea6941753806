// Approving or rejecting a proposal. Only roles the matrix lets approve (owners, admins); never the
// author, never twice by the same person. The last approval needed (one, or two on a global prompt)
// publishes it: status approved, decidedAt, and `production` and `latest` move to it unless they
// already name a newer approved version. A rejection needs a comment and decides at once.
// Refusals are 4xx with an audit entry, written outside the decision's transaction so they stay.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { moveLabel } from "./move-label";
import { approvalsNeeded } from "./propose-version";
import { emitVersionEvent } from "./version-events";

type Decision = "approve" | "reject";
type ReviewInput = { versionId: string; comment?: string; request?: RequestMeta | null };

const PUBLISHED_LABELS = ["latest", "production"] as const;

async function loadProposal(db: Db, actor: Actor, decision: Decision, input: ReviewInput) {
  const row = await db.promptVersion.findUnique({ where: { id: input.versionId }, select: { id: true, number: true, status: true, authorId: true, promptId: true } });
  if (!row) throw new NotFoundError("Version");
  // A prompt the viewer may not read hides its versions (NOT_FOUND), before any role is asked.
  const prompt = await findReadablePrompt(db, actor, row.promptId).catch(() => {
    throw new NotFoundError("Version");
  });
  const action = decision === "approve" ? "version.approve" : "version.reject";
  const target = { type: "version", id: row.id };
  await assertPromptAction(db, actor, prompt, action, { request: input.request, target });
  if (!prompt.orgId) throw new ValidationError("versionId: only an organisation's proposals are reviewed.", { versionId: ["is not a proposal of an organisation's prompt"] });
  const orgId = prompt.orgId;
  const refuse = async (comment: string, error: Error) => {
    await recordAudit(db, { actor, action, outcome: "refused", orgId, target, comment, request: input.request });
    throw error;
  };
  if (row.status !== "in_review") await refuse(`v${row.number} is ${row.status}`, new ConflictError(`v${row.number} is not in review: it was ${row.status === "approved" ? "approved" : row.status === "rejected" ? "rejected" : "never proposed"} already.`));
  if (decision === "approve" && row.authorId === actor.id) await refuse("own proposal", new ForbiddenError("You cannot approve your own proposal: another owner or admin must."));
  const mine = await db.versionReview.findUnique({ where: { versionId_reviewerId: { versionId: row.id, reviewerId: actor.id } }, select: { decision: true } });
  if (mine) await refuse("second review by the same person", new ConflictError(`You have already ${mine.decision === "approve" ? "approved" : "rejected"} v${row.number}: a second approval must come from someone else.`));
  return { row, prompt: { ...prompt, orgId } };
}

export async function approveVersion(db: Db, actor: Actor, input: ReviewInput) {
  const { row, prompt } = await loadProposal(db, actor, "approve", input);
  const needed = approvalsNeeded(prompt);
  const result = await db.$transaction(async (tx) => {
    // Serialises reviews of one prompt: two last approvals at once publish once.
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    const current = await tx.promptVersion.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } });
    if (current.status !== "in_review") throw new ConflictError(`v${row.number} is not in review any more.`);
    await tx.versionReview.create({ data: { versionId: row.id, reviewerId: actor.id, decision: "approve", comment: input.comment ?? "" } });
    const approvals = await tx.versionReview.count({ where: { versionId: row.id, decision: "approve" } });
    const published = approvals >= needed;
    await recordAudit(tx, {
      actor,
      action: "version.approve",
      orgId: prompt.orgId,
      target: { type: "version", id: row.id },
      from: `v${row.number} in review`,
      to: published ? `v${row.number} approved` : `v${row.number} in review (${approvals} of ${needed} approvals)`,
      comment: input.comment ?? null,
      request: input.request,
      details: { promptId: prompt.id, number: row.number, approvals, needed },
    });
    if (!published) return { status: "in_review" as const, approvals };
    await tx.promptVersion.update({ where: { id: row.id }, data: { status: "approved", decidedAt: new Date() } });
    const labels = await tx.promptLabel.findMany({ where: { promptId: prompt.id, name: { in: [...PUBLISHED_LABELS] } }, select: { name: true, version: { select: { number: true } } } });
    for (const name of PUBLISHED_LABELS) {
      const at = labels.find((l) => l.name === name)?.version.number ?? 0;
      if (at < row.number) await moveLabel(tx, actor, { prompt, name, version: row, request: input.request });
    }
    await tx.prompt.update({ where: { id: prompt.id }, data: { updatedAt: new Date() } });
    return { status: "approved" as const, approvals };
  });
  if (result.status === "approved") await emitVersionEvent(db, "version.approved", { prompt, version: row, actor, comment: input.comment });
  return { versionId: row.id, number: row.number, promptId: prompt.id, status: result.status, approvals: result.approvals, approvalsNeeded: needed };
}

export async function rejectVersion(db: Db, actor: Actor, input: ReviewInput & { comment: string }) {
  const { row, prompt } = await loadProposal(db, actor, "reject", input);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    const current = await tx.promptVersion.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } });
    if (current.status !== "in_review") throw new ConflictError(`v${row.number} is not in review any more.`);
    await tx.versionReview.create({ data: { versionId: row.id, reviewerId: actor.id, decision: "reject", comment: input.comment } });
    await tx.promptVersion.update({ where: { id: row.id }, data: { status: "rejected", decidedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "version.reject",
      orgId: prompt.orgId,
      target: { type: "version", id: row.id },
      from: `v${row.number} in review`,
      to: `v${row.number} rejected`,
      comment: input.comment,
      request: input.request,
      details: { promptId: prompt.id, number: row.number },
    });
  });
  await emitVersionEvent(db, "version.rejected", { prompt, version: row, actor, comment: input.comment });
  return { versionId: row.id, number: row.number, promptId: prompt.id, status: "rejected" as const };
}
