// The read side of the Detected inbox: prompts the proxy saw that are not (yet) in the owner's
// library. Only the owner ever sees their entries; another user's id is NOT_FOUND.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { DetectedStatus } from "@/shared/captures/detected-statuses";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import type { ListDetectedInput } from "./detected-schemas";

/** Captures shown with one entry (its newest calls; the Captures list has them all). */
export const DETECTED_RECENT_CAPTURES = 20;

const entrySelect = {
  id: true,
  title: true,
  status: true,
  callCount: true,
  costUsd: true,
  models: true,
  firstSeenAt: true,
  lastSeenAt: true,
  exampleText: true,
  suggestedSimilarity: true,
  template: { select: { id: true, shell: true, variables: true } },
  suggestedForkOf: { select: { id: true, slug: true, title: true, ownerId: true, archivedAt: true } },
  promotedPrompt: { select: { id: true, slug: true, title: true, ownerId: true } },
} satisfies Prisma.DetectedPromptSelect;

type EntryRow = Prisma.DetectedPromptGetPayload<{ select: typeof entrySelect }>;

function present(row: EntryRow, actor: Actor) {
  const { suggestedForkOf: fork, suggestedSimilarity, promotedPrompt: promoted, costUsd, status, ...rest } = row;
  return {
    ...rest,
    status: status as DetectedStatus,
    // The sum over the calls whose model had a price (0 when none had).
    costUsd: Number(costUsd),
    // Suggestions point into the owner's own library; an archived prompt is no longer suggested.
    suggestedForkOf:
      fork && fork.ownerId === actor.id && !fork.archivedAt ? { id: fork.id, slug: fork.slug, title: fork.title, similarity: suggestedSimilarity } : null,
    promotedPrompt: promoted && promoted.ownerId === actor.id ? { id: promoted.id, slug: promoted.slug, title: promoted.title } : null,
  };
}
export type DetectedEntry = ReturnType<typeof present>;

/** How many of the caller's entries are in each state (the inbox's tabs). */
export async function detectedCounts(db: DbOrTx, actor: Actor): Promise<Record<DetectedStatus, number>> {
  const groups = await db.detectedPrompt.groupBy({ by: ["status"], where: { ownerId: actor.id }, _count: { _all: true } });
  const counts: Record<DetectedStatus, number> = { detected: 0, promoted: 0, dismissed: 0 };
  for (const g of groups) if (g.status in counts) counts[g.status as DetectedStatus] = g._count._all;
  return counts;
}

/** The caller's entries in one state, most recently seen first, with the counts of every state. */
export async function listDetected(db: DbOrTx, actor: Actor, input: ListDetectedInput) {
  const [rows, counts] = await Promise.all([
    db.detectedPrompt.findMany({
      where: { ownerId: actor.id, status: input.status },
      orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
      select: entrySelect,
      ...page(input),
    }),
    detectedCounts(db, actor),
  ]);
  const { items, nextCursor } = pageResult(rows, input);
  return { items: items.map((row) => present(row, actor)), nextCursor, counts };
}
export type DetectedList = Awaited<ReturnType<typeof listDetected>>;

/** One entry with its identity text and newest captures; NOT_FOUND unless the caller owns it. */
export async function detectedById(db: DbOrTx, actor: Actor, input: { detectedPromptId: string }) {
  const row = await db.detectedPrompt.findFirst({
    where: { id: input.detectedPromptId, ownerId: actor.id },
    select: {
      ...entrySelect,
      identityText: true,
      captures: {
        where: { ownerId: actor.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DETECTED_RECENT_CAPTURES,
        select: { id: true, createdAt: true, model: true, status: true, costUsd: true, decision: true, templateValues: true },
      },
    },
  });
  if (!row) throw new NotFoundError("Detected prompt");
  const { captures, identityText, ...entry } = row;
  return {
    ...present(entry, actor),
    identityText,
    recentCaptures: captures.map((c) => ({
      ...c,
      costUsd: c.costUsd === null ? null : Number(c.costUsd),
      templateValues: (c.templateValues ?? null) as Record<string, string> | null,
    })),
  };
}
export type DetectedDetail = Awaited<ReturnType<typeof detectedById>>;
