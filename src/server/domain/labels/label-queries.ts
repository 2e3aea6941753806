// Reading a prompt's labels and their history, for anyone who may read the prompt (labels only
// ever name approved versions, so they reveal nothing a reader may not see).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { findReadablePrompt } from "../access/prompt-access";
import { LATEST_LABEL, PRODUCTION_LABEL } from "@/shared/prompts/label-names";

const ORDER = [PRODUCTION_LABEL, LATEST_LABEL];
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

export async function listLabels(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await findReadablePrompt(db, viewer, promptId);
  const rows = await db.promptLabel.findMany({
    where: { promptId: prompt.id },
    select: { name: true, splitPercent: true, updatedAt: true, version: { select: { id: true, number: true } }, splitVersion: { select: { id: true, number: true } } },
  });
  return rows
    .map((r) => ({
      name: r.name,
      version: r.version,
      split: r.splitVersion && r.splitPercent > 0 ? { versionId: r.splitVersion.id, number: r.splitVersion.number, percent: r.splitPercent } : null,
      automatic: r.name === LATEST_LABEL,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** Every move of the prompt's labels (or of one), newest first, with who moved it. */
export async function labelHistory(db: DbOrTx, viewer: Viewer, input: { promptId: string; name?: string; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const moves = await db.promptLabelMove.findMany({
    where: { promptId: prompt.id, ...(input.name ? { name: input.name } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
  });
  const actorIds = [...new Set(moves.map((m) => m.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, handle: true } }) : [];
  const handles = new Map(actors.map((a) => [a.id, a.handle]));
  return moves.map((m) => ({
    id: m.id,
    name: m.name,
    fromNumber: m.fromNumber,
    toNumber: m.toNumber,
    split: m.splitNumber !== null && m.splitPercent > 0 ? { number: m.splitNumber, percent: m.splitPercent } : null,
    actor: m.actorId ? { handle: handles.get(m.actorId) ?? null } : null,
    createdAt: m.createdAt,
  }));
}
