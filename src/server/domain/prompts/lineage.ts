import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { canReadPrompt, findReadablePrompt } from "../access/prompt-access";

export type LineageNode = {
  id: string;
  slug: string;
  title: string;
  owner: { handle: string; name: string | null };
  /** The parent's version this prompt was forked from. */
  forkedFromVersionNumber: number | null;
  depth: number;
};

const MAX_DEPTH = 50;
const MAX_DESCENDANTS = 500;

/**
 * Ancestors (nearest first) and descendants (breadth-first, with depth and parent) of a prompt.
 * Prompts the viewer cannot see are left out, and so is what lies beyond them.
 */
export async function getLineage(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await findReadablePrompt(db, viewer, promptId);
  const nodeSelect = {
    id: true,
    slug: true,
    title: true,
    ownerId: true,
    visibility: true,
    owner: { select: { handle: true, name: true } },
    forkedFromVersion: { select: { number: true, promptId: true } },
  } as const;

  const ancestors: LineageNode[] = [];
  let parentRef = (await db.prompt.findUniqueOrThrow({ where: { id: prompt.id }, select: nodeSelect })).forkedFromVersion;
  let hiddenAncestor = false;
  for (let depth = 1; parentRef && depth <= MAX_DEPTH; depth++) {
    const parent = await db.prompt.findUnique({ where: { id: parentRef.promptId }, select: nodeSelect });
    if (!parent || !canReadPrompt(parent, viewer)) {
      hiddenAncestor = Boolean(parent);
      break;
    }
    ancestors.push(toNode(parent, -depth));
    parentRef = parent.forkedFromVersion;
  }

  const descendants: Array<LineageNode & { parentId: string }> = [];
  let frontier = [prompt.id];
  for (let depth = 1; frontier.length && depth <= MAX_DEPTH && descendants.length < MAX_DESCENDANTS; depth++) {
    const children = await db.prompt.findMany({
      where: { forkedFromVersion: { promptId: { in: frontier } } },
      select: nodeSelect,
      orderBy: { createdAt: "asc" },
      take: MAX_DESCENDANTS,
    });
    const visible = children.filter((c) => canReadPrompt(c, viewer));
    descendants.push(...visible.map((c) => ({ ...toNode(c, depth), parentId: c.forkedFromVersion!.promptId })));
    frontier = visible.map((c) => c.id);
  }

  const self = await db.prompt.findUniqueOrThrow({ where: { id: prompt.id }, select: nodeSelect });
  return { prompt: toNode(self, 0), ancestors, hiddenAncestor, descendants };
}

function toNode(p: { id: string; slug: string; title: string; owner: { handle: string; name: string | null }; forkedFromVersion: { number: number } | null }, depth: number): LineageNode {
  return { id: p.id, slug: p.slug, title: p.title, owner: p.owner, forkedFromVersionNumber: p.forkedFromVersion?.number ?? null, depth };
}
