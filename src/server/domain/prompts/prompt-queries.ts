import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import { presentVersion, versionSelect } from "../versions/version-queries";
import { canReadPrompt, findReadablePrompt, forkSourceFor, forkSourceSelect, listablePromptsWhere, readablePromptsWhere } from "../access/prompt-access";
import type { Category } from "@/shared/prompts/categories";
import { isFollowing } from "../follows/follows";
import { viewerRating } from "./viewer-rating";
import { bodyAccessFor, bodyAccessOf, withBodyAccess } from "../access/paid-access";
import { orgRoleOf } from "../governance/org-authorization";
import { roleAllows } from "@/shared/governance/role-matrix";
import { visibleVersionsWhere } from "../access/version-visibility";

const ownerSelect = { id: true, handle: true, name: true, image: true } as const;

export const promptCardSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  category: true,
  tags: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: ownerSelect },
  // Presented by presentCard as isFork / forkedFromVersionId (null when the source is hidden from the viewer).
  forkedFromVersion: forkSourceSelect,
  likeCount: true,
  favoriteCount: true,
  ratingCount: true,
  ratingSum: true,
  commentCount: true,
  forkCount: true,
  viewCount: true,
  // Versions are numbered 1..n and never deleted, so the `latest` label's number is the count
  // (a relation _count would aggregate the whole versions table on every call).
  labels: { where: { name: "latest" }, select: { version: { select: { number: true } } } },
} as const;

/**
 * The prompt page: metadata, owner, labels, the latest version, where it was forked from. The latest
 * version's body is null (`bodyLocked`) when it is paid content the viewer holds no license for.
 */
export async function getPromptBySlug(db: DbOrTx, viewer: Viewer, slug: string) {
  const prompt = await db.prompt.findFirst({
    where: { AND: [{ slug }, readablePromptsWhere(viewer)] },
    select: {
      ...promptCardSelect,
      archivedAt: true,
      captureCount: true,
      lastCapturedAt: true,
      orgId: true,
      global: true,
      org: { select: { slug: true, name: true } },
      labels: { select: { name: true, version: { select: { id: true, number: true } } } },
      forkedFromVersion: { select: { id: true, number: true, prompt: { select: { id: true, slug: true, title: true, visibility: true, ownerId: true, orgId: true, archivedAt: true, owner: { select: ownerSelect } } } } },
    },
  });
  if (!prompt) throw new NotFoundError("Prompt");
  // Independent of each other once the prompt is known: asked together, not one after another.
  const [latest, versionCount, likeRow, favoriteRow, myRating, access, viewerFollowsOwner] = await Promise.all([
    // The latest published version, for everyone: proposals wait in the version list for those who may see them.
    db.promptVersion.findFirst({ where: { promptId: prompt.id, status: "approved" }, orderBy: { number: "desc" }, select: versionSelect }),
    // The versions this viewer may see (the version list's rule), not the highest number: rejected
    // and pending proposals take numbers too.
    visibleVersionsWhere(db, viewer, { ownerId: prompt.owner.id, orgId: prompt.orgId }).then((visible) => db.promptVersion.count({ where: { AND: [{ promptId: prompt.id }, visible] } })),
    viewer ? db.like.findUnique({ where: { userId_promptId: { userId: viewer.id, promptId: prompt.id } }, select: { userId: true } }) : null,
    viewer ? db.favorite.findUnique({ where: { userId_promptId: { userId: viewer.id, promptId: prompt.id } }, select: { userId: true } }) : null,
    viewerRating(db, viewer, prompt.id),
    bodyAccessOf(db, viewer, { id: prompt.id, ownerId: prompt.owner.id }),
    isFollowing(db, viewer, prompt.owner.id),
  ]);
  const liked = Boolean(likeRow);
  const latestVersion = latest ? withBodyAccess(presentVersion(latest), access) : null;
  const source = prompt.forkedFromVersion;
  const { forkedFromVersion: _omit, ratingSum: _sum, captureCount, lastCapturedAt, ...rest } = prompt;
  return {
    ...rest,
    /** The latest body is withheld from this viewer (paid content, no license covering it). */
    bodyLocked: latestVersion?.bodyLocked ?? false,
    /** The prompt has an active paid listing. */
    forSale: access.forSale,
    /** The viewer holds an active license for it (possibly not covering the latest version). */
    licensed: access.licensed,
    versionCount,
    ratingAverage: averageOf(prompt),
    liked,
    likedByMe: liked,
    /** The viewer has starred it (their Favourites). */
    favorited: Boolean(favoriteRow),
    myRating,
    viewerFollowsOwner,
    labels: Object.fromEntries(prompt.labels.map((l) => [l.name, l.version])) as Record<string, { id: string; number: number }>,
    latestVersion,
    ...forkSourceFor(source, viewer),
    // A fork of a prompt the viewer cannot see only says that it is a fork.
    forkedFrom: source
      ? canReadPrompt(source.prompt, viewer)
        ? {
            versionId: source.id,
            versionNumber: source.number,
            // An archived source is still named (the fork's lineage), but its page is only for its owner and licensees.
            prompt: { id: source.prompt.id, slug: source.prompt.slug, title: source.prompt.title, owner: source.prompt.owner, archived: source.prompt.archivedAt !== null },
          }
        : { versionId: null, versionNumber: null, prompt: null }
      : null,
    isOwner: viewer?.id === prompt.owner.id,
    ...(await orgPermissions(db, viewer, prompt)),
    /** Proxied calls recognised as this prompt (its owner's own telemetry: null for everyone else). */
    capturedUses: viewer?.id === prompt.owner.id ? { count: captureCount, lastAt: lastCapturedAt } : null,
  };
}

/**
 * What the prompt page offers the viewer: for an organisation's prompt its role there decides (the
 * role matrix; the procedures check again), for a personal prompt its owner manages it and may
 * transfer it into an organisation.
 */
async function orgPermissions(db: DbOrTx, viewer: Viewer, prompt: { orgId: string | null; owner: { id: string }; org: { slug: string; name: string } | null }) {
  const isOwner = viewer !== null && viewer.id === prompt.owner.id;
  if (!prompt.orgId) return { viewerOrgRole: null, canManage: isOwner, canDelete: isOwner, canTransfer: isOwner };
  const role = await orgRoleOf(db, prompt.orgId, viewer);
  return { viewerOrgRole: role, canManage: roleAllows(role, "prompt.update"), canDelete: roleAllows(role, "prompt.delete"), canTransfer: false };
}

export async function listPrompts(
  db: DbOrTx,
  viewer: Viewer,
  input: { cursor?: string | null; limit: number; category?: Category; author?: string; archived?: boolean },
) {
  const rows = await db.prompt.findMany({
    where: {
      AND: [
        // Archived prompts are listed for their owner only, and only when asked for.
        input.archived ? { ownerId: viewer?.id ?? "", archivedAt: { not: null } } : listablePromptsWhere(viewer),
        input.category ? { category: input.category } : {},
        input.author ? { owner: { handle: input.author.toLowerCase() } } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: promptCardSelect,
    ...page(input),
  });
  const locked = await latestBodyLocked(db, viewer, rows);
  return pageResult(rows.map((r) => ({ ...presentCard(r, viewer), bodyLocked: locked(r) })), input);
}

export async function listForks(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const rows = await db.prompt.findMany({
    where: { AND: [{ forkedFromVersion: { promptId: prompt.id } }, listablePromptsWhere(viewer)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: promptCardSelect,
    ...page(input),
  });
  const locked = await latestBodyLocked(db, viewer, rows);
  return pageResult(
    rows.map((r) => ({ ...presentCard(r, viewer), bodyLocked: locked(r) })),
    input,
  );
}

/** For a page of cards: whether each card's latest body is withheld from the viewer (two queries at most). */
async function latestBodyLocked(db: DbOrTx, viewer: Viewer, rows: { id: string; owner: { id: string }; labels: { version: { number: number } }[] }[]) {
  const access = await bodyAccessFor(db, viewer, rows.map((r) => ({ id: r.id, ownerId: r.owner.id })));
  return (r: (typeof rows)[number]) => {
    const a = access.get(r.id);
    return Boolean(a && r.labels[0] && !a.canRead(r.labels[0].version.number));
  };
}

type ForkSource = Parameters<typeof forkSourceFor>[0];

export function presentCard<T extends { labels: { version: { number: number } }[]; ratingSum: number; ratingCount: number; forkedFromVersion: ForkSource }>(row: T, viewer: Viewer) {
  const { labels, ratingSum: _sum, forkedFromVersion, ...rest } = row;
  return { ...rest, ...forkSourceFor(forkedFromVersion, viewer), versionCount: labels[0]?.version.number ?? 0, ratingAverage: averageOf(row) };
}

export const averageOf = (p: { ratingSum: number; ratingCount: number }) => (p.ratingCount ? Math.round((p.ratingSum / p.ratingCount) * 100) / 100 : null);
