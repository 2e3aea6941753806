// Points a label (production, latest, a custom one) at an approved version, optionally splitting
// its traffic with a second version, and records the move in PromptLabelMove (the version history
// shows every one) plus an audit entry (label.move, from → to) when the prompt belongs to an
// organisation. Inside the caller's transaction, so the move, its history row and its entry land
// together. A move that names no split ends any split the label had (promoting a version ends an
// A/B test).
import "server-only";
import type { Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";

export type LabelSplit = { id: string; number: number; percent: number };

export type LabelMove = {
  prompt: { id: string; orgId: string | null };
  name: string;
  version: { id: string; number: number };
  split?: LabelSplit | null;
  request?: RequestMeta | null;
};

const describe = (name: string, number: number, split: { number: number; percent: number } | null) =>
  split ? `${name}: v${number} ${100 - split.percent}% / v${split.number} ${split.percent}%` : `${name}: v${number}`;

/** Returns the number the label pointed at before (null when it is new). */
export async function moveLabel(tx: Tx, actor: Actor, move: LabelMove): Promise<number | null> {
  const { prompt, name, version } = move;
  const split = move.split && move.split.percent > 0 ? move.split : null;
  const before = await tx.promptLabel.findUnique({
    where: { promptId_name: { promptId: prompt.id, name } },
    select: { splitPercent: true, version: { select: { id: true, number: true } }, splitVersion: { select: { id: true, number: true } } },
  });
  const beforeSplit = before?.splitVersion && before.splitPercent > 0 ? { ...before.splitVersion, percent: before.splitPercent } : null;
  const sameSplit = (beforeSplit?.id ?? null) === (split?.id ?? null) && (beforeSplit?.percent ?? 0) === (split?.percent ?? 0);
  if (before?.version.id === version.id && sameSplit) return before.version.number;
  const data = { versionId: version.id, splitVersionId: split?.id ?? null, splitPercent: split?.percent ?? 0 };
  await tx.promptLabel.upsert({ where: { promptId_name: { promptId: prompt.id, name } }, create: { promptId: prompt.id, name, ...data }, update: data });
  await tx.promptLabelMove.create({
    data: { promptId: prompt.id, name, fromNumber: before?.version.number ?? null, toNumber: version.number, splitNumber: split?.number ?? null, splitPercent: split?.percent ?? 0, actorId: actor.id },
  });
  if (prompt.orgId) {
    await recordAudit(tx, {
      actor,
      action: "label.move",
      orgId: prompt.orgId,
      target: { type: "prompt", id: prompt.id },
      from: before ? describe(name, before.version.number, beforeSplit) : null,
      to: describe(name, version.number, split),
      request: move.request,
      details: { label: name, fromVersionId: before?.version.id ?? null, toVersionId: version.id, splitVersionId: split?.id ?? null, splitPercent: split?.percent ?? 0 },
    });
  }
  return before?.version.number ?? null;
}

/** Removes a label (custom labels only: the caller checks), recorded like a move to nothing. */
export async function removeLabel(tx: Tx, actor: Actor, move: { prompt: { id: string; orgId: string | null }; name: string; request?: RequestMeta | null }): Promise<number | null> {
  const { prompt, name } = move;
  const before = await tx.promptLabel.findUnique({ where: { promptId_name: { promptId: prompt.id, name } }, select: { version: { select: { id: true, number: true } } } });
  if (!before) return null;
  await tx.promptLabel.delete({ where: { promptId_name: { promptId: prompt.id, name } } });
  await tx.promptLabelMove.create({ data: { promptId: prompt.id, name, fromNumber: before.version.number, toNumber: null, actorId: actor.id } });
  if (prompt.orgId) {
    await recordAudit(tx, {
      actor,
      action: "label.move",
      orgId: prompt.orgId,
      target: { type: "prompt", id: prompt.id },
      from: `${name}: v${before.version.number}`,
      to: null,
      request: move.request,
      details: { label: name, fromVersionId: before.version.id, toVersionId: null },
    });
  }
  return before.version.number;
}
