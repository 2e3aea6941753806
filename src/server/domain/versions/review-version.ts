// Approving or rejecting a proposal. Only roles the matrix lets approve (owners, admins); never the
// author, never twice by the same person. The last approval needed (one, or two on a global prompt)
// publishes it: status approved, decidedAt, and `production` and `latest` move to it unless they
// already name a newer approved version. A rejection needs a comment and decides at once.
// Refusals are 4xx with an audit entry, written outside the decision's transaction so they stay.
import "server-only";
import type { Db, Tx } from "@/server/db/prisma";
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
  // Someone repeating their own decision hears that first, whatever it did to the status.
  const mine = await db.versionReview.findUnique({ where: { versionId_reviewerId: { versionId: row.id, reviewerId: actor.id } }, select: { decision: true } });
  const again = mine && alreadyReviewed(row, mine.decision);
  if (again && mine.decision === decision) await refuse(again.comment, again.error);
  if (row.status !== "in_review") await refuse(`v${row.number} is ${row.status}`, new ConflictError(`v${row.number} is not in review: it was ${row.status === "approved" ? "approved" : row.status === "rejected" ? "rejected" : "never proposed"} already.`));
  if (decision === "approve" && row.authorId === actor.id) await refuse("own proposal", new ForbiddenError("You cannot approve your own proposal: another owner or admin must."));
  if (again) await refuse(again.comment, again.error);
  return { row, prompt: { ...prompt, orgId } };
}

/** A refusal found inside a decision's transaction: audited after the rollback, then thrown. */
class RefusalInTx extends Error {
  constructor(
    readonly comment: string,
    readonly error: Error,
  ) {
    super(error.message);
  }
}

function alreadyReviewed(row: { number: number }, decision: string) {
  const message = decision === "approve" ? `You have already approved v${row.number}: a second approval must come from someone else.` : `You have already rejected v${row.number}.`;
  return new RefusalInTx("second review by the same person", new ConflictError(message));
}

/**
 * Inside the transaction, after the prompt's row lock: the checks again, as the same person's
 * concurrent calls may have decided since loadProposal (one wins, the others are 409s, never 500s).
 */
async function assertStillOpen(tx: Tx, actor: Actor, decision: Decision, row: { id: string; number: number }) {
  const mine = await tx.versionReview.findUnique({ where: { versionId_reviewerId: { versionId: row.id, reviewerId: actor.id } }, select: { decision: true } });
  if (mine?.decision === decision) throw alreadyReviewed(row, mine.decision);
  const current = await tx.promptVersion.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } });
  if (current.status !== "in_review") throw new RefusalInTx(`v${row.number} is ${current.status}`, new ConflictError(`v${row.number} is not in review any more.`));
  if (mine) throw alreadyReviewed(row, mine.decision);
}

/** Runs a decision's transaction; a refusal inside it (or a duplicate review the database caught) is audited and thrown as its 4xx. */
async function decide<T>(db: Db, actor: Actor, decision: Decision, proposal: { row: { id: string; number: number }; orgId: string }, request: RequestMeta | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const isDuplicate = (error as { code?: string }).code === "P2002";
    const refusal = error instanceof RefusalInTx ? error : isDuplicate ? alreadyReviewed(proposal.row, decision) : null;
    if (!refusal) throw error;
    const action = decision === "approve" ? "version.approve" : "version.reject";
    await recordAudit(db, { actor, action, outcome: "refused", orgId: proposal.orgId, target: { type: "version", id: proposal.row.id }, comment: refusal.comment, request });
    throw refusal.error;
  }
}

export async function approveVersion(db: Db, actor: Actor, input: ReviewInput) {
  const { row, prompt } = await loadProposal(db, actor, "approve", input);
  const needed = approvalsNeeded(prompt);
  const result = await decide(db, actor, "approve", { row, orgId: prompt.orgId }, input.request, () => db.$transaction(async (tx) => {
    // Serialises reviews of one prompt: two last approvals at once publish once.
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    await assertStillOpen(tx, actor, "approve", row);
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
  }));
  if (result.status === "approved") {
    // The last approval publishes it, as version.create does: subscribers hear both.
    await emitVersionEvent(db, "version.approved", { prompt, version: row, actor, comment: input.comment });
    await emitVersionEvent(db, "version.published", { prompt, version: row, actor });
  }
  return { versionId: row.id, number: row.number, promptId: prompt.id, status: result.status, approvals: result.approvals, approvalsNeeded: needed };
}

export async function rejectVersion(db: Db, actor: Actor, input: ReviewInput & { comment: string }) {
  const { row, prompt } = await loadProposal(db, actor, "reject", input);
  await decide(db, actor, "reject", { row, orgId: prompt.orgId }, input.request, () => db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    await assertStillOpen(tx, actor, "reject", row);
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
  }));
  await emitVersionEvent(db, "version.rejected", { prompt, version: row, actor, comment: input.comment });
  return { versionId: row.id, number: row.number, promptId: prompt.id, status: "rejected" as const };
}
