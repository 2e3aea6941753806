import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Viewer } from "../actor";
import { canReadPrompt, findReadablePrompt } from "../access/prompt-access";
import { readAsAnonymousWhenSame } from "../access/public-reads";
import type { Visibility } from "@/shared/prompts/visibility";

export type LineageNode = {
  id: string;
  slug: string;
  title: string;
  owner: { handle: string; name: string | null };
  /** The parent's version this prompt was forked from. */
  forkedFromVersionNumber: number | null;
  depth: number;
  /** Archived by its owner: still part of the lineage, but its page opens only for its owner (and licensees). */
  archived: boolean;
  /** Whether this viewer can open its page (an archived prompt of someone else's is shown without a link). */
  canOpen: boolean;
};

const MAX_DEPTH = 50;
const MAX_DESCENDANTS = 500;

type NodeRow = {
  id: string;
  slug: string;
  title: string;
  ownerId: string;
  orgId: string | null;
  visibility: Visibility;
  archivedAt: Date | null;
  owner: { handle: string; name: string | null };
  forkedFromVersion: { number: number; promptId: string } | null;
};

const mayManage = (p: { ownerId: string; orgId: string | null }, viewer: Viewer) => (p.orgId === null && p.ownerId === viewer?.id) || isAdmin(viewer);
/** Forks are listed like any list of prompts: public ones and the viewer's own, never archived ones of others (unlisted forks stay link-only). */
const listedFork = (p: NodeRow, viewer: Viewer) => mayManage(p, viewer) || (p.visibility === "public" && p.archivedAt === null);

/**
 * Ancestors (nearest first) and descendants (breadth-first, with depth and parent) of a prompt, and
 * counts computed from exactly those lists, so the page never shows a number the list contradicts
 * and hidden forks never leak. A private ancestor ends the walk (`hiddenAncestor`); an archived one
 * stays in it, unlinked for those who cannot open it. Forks the viewer cannot see are left out, and
 * so is what lies beyond them.
 */
export async function getLineage(db: DbOrTx, viewer: Viewer, promptId: string) {
  return readAsAnonymousWhenSame(db, viewer, `lineage:${promptId}`, (as) => lineageAs(db, as, promptId));
}

async function lineageAs(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await findReadablePrompt(db, viewer, promptId);
  const nodeSelect = {
    id: true,
    slug: true,
    title: true,
    ownerId: true,
    orgId: true,
    visibility: true,
    archivedAt: true,
    owner: { select: { handle: true, name: true } },
    forkedFromVersion: { select: { number: true, promptId: true } },
  } as const;

  // Up the ancestors and down the descendants: two independent walks, run side by side.
  const upwards = async () => {
    const self: NodeRow = await db.prompt.findUniqueOrThrow({ where: { id: prompt.id }, select: nodeSelect });
    const ancestors: LineageNode[] = [];
    let parentRef = self.forkedFromVersion;
    let hiddenAncestor = false;
    for (let depth = 1; parentRef && depth <= MAX_DEPTH; depth++) {
      const parent: NodeRow | null = await db.prompt.findUnique({ where: { id: parentRef.promptId }, select: nodeSelect });
      if (!parent || !canReadPrompt(parent, viewer)) {
        hiddenAncestor = Boolean(parent);
        break;
      }
      ancestors.push(toNode(parent, -depth, viewer));
      parentRef = parent.forkedFromVersion;
    }
    return { self, ancestors, hiddenAncestor };
  };
  const downwards = async () => {
    const descendants: Array<LineageNode & { parentId: string }> = [];
    let frontier = [prompt.id];
    let truncated = false;
    for (let depth = 1; frontier.length && depth <= MAX_DEPTH; depth++) {
      if (descendants.length >= MAX_DESCENDANTS) {
        truncated = true;
        break;
      }
      const children: NodeRow[] = await db.prompt.findMany({
        where: { forkedFromVersion: { promptId: { in: frontier } } },
        select: nodeSelect,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: MAX_DESCENDANTS + 1,
      });
      const visible = children.filter((c) => listedFork(c, viewer));
      const room = MAX_DESCENDANTS - descendants.length;
      if (visible.length > room) truncated = true;
      const kept = visible.slice(0, room);
      descendants.push(...kept.map((c) => ({ ...toNode(c, depth, viewer), parentId: c.forkedFromVersion!.promptId })));
      frontier = kept.map((c) => c.id);
    }
    return { descendants, truncated };
  };
  const [{ self, ancestors, hiddenAncestor }, { descendants, truncated }] = await Promise.all([upwards(), downwards()]);

  return {
    prompt: toNode(self, 0, viewer),
    ancestors,
    hiddenAncestor,
    descendants,
    /** Counted from `descendants` as returned: forks this viewer can see. */
    counts: { directForks: descendants.filter((d) => d.depth === 1).length, descendants: descendants.length },
    /** More descendants exist than were returned. */
    truncated,
  };
}

function toNode(p: NodeRow, depth: number, viewer: Viewer): LineageNode {
  const archived = p.archivedAt !== null;
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    owner: p.owner,
    forkedFromVersionNumber: p.forkedFromVersion?.number ?? null,
    depth,
    archived,
    canOpen: !archived || mayManage(p, viewer),
  };
}
