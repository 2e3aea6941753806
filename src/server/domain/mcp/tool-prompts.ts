// The prompts a person's tools (MCP clients: editors, agents) see as MCP prompts: their favourites,
// the items of every collection they chose for tools (ToolCollection), and every prompt of the
// organisations they belong to. Each one only while they may read it now (visibility, membership,
// not archived), at an approved version: a pinned collection item at its pinned version, the rest at
// `production` (else the newest approved one), as collections/served-versions.ts decides. Paid
// prompts stay listed (title, description and variables are public everywhere); their body is
// refused at render time as everywhere else.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { bodyAccessFor } from "../access/paid-access";
import { readableCollectionsWhere } from "../collections/collection-access";
import { listablePromptsWhere, notArchivedWhere, readablePromptsWhere } from "../access/prompt-access";
import { servedVersions } from "../collections/served-versions";
import { labelOf, servedVersionSelect, variablesOf } from "./served-version";
import type { PromptVariable } from "@/shared/prompts/variables";

export type ToolPrompt = {
  promptId: string;
  slug: string;
  title: string;
  description: string;
  versionId: string;
  versionNumber: number;
  /** "production" when that label names the served version, else null. */
  label: string | null;
  pinned: boolean;
  variables: PromptVariable[];
  /** Paid content this person holds no license for: listed, but prompts/get refuses it. */
  bodyLocked: boolean;
  /** Why it is in the set, first reason first. */
  source: "favorite" | "collection" | "organization";
};

type Entry = { promptId: string; pinnedVersionId: string | null; source: ToolPrompt["source"] };

/**
 * The person's tool prompts, in order: favourites (newest first), then chosen collections (in the
 * order they were chosen, items by position), then organisation prompts by slug. A prompt met twice
 * appears once, at its first place; a pin wins over following `production`. `slug` narrows it to
 * one prompt (prompts/get), with the same rules.
 */
export async function listToolPrompts(db: DbOrTx, actor: Actor, opts: { slug?: string } = {}): Promise<ToolPrompt[]> {
  const userId = actor.id;
  const bySlug: Prisma.PromptWhereInput = opts.slug === undefined ? {} : { slug: opts.slug };
  const readable: Prisma.PromptWhereInput = { AND: [readablePromptsWhere(actor), notArchivedWhere, bySlug] };

  const [favorites, chosen, orgPrompts] = await Promise.all([
    db.favorite.findMany({ where: { userId, prompt: readable }, orderBy: [{ createdAt: "desc" }, { promptId: "asc" }], select: { promptId: true } }),
    db.toolCollection.findMany({
      // A collection they may no longer read (made private, left its organisation) stops counting.
      where: { userId, collection: readableCollectionsWhere(actor) },
      orderBy: [{ createdAt: "asc" }, { collectionId: "asc" }],
      select: { collection: { select: { items: { where: { prompt: readable }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { promptId: true, versionId: true } } } } },
    }),
    // Every organisation prompt the member's role lets them read (listable: not archived).
    db.prompt.findMany({
      where: { AND: [listablePromptsWhere(actor), { org: { members: { some: { userId } } } }, bySlug] },
      orderBy: { slug: "asc" },
      select: { id: true },
    }),
  ]);

  const entries = new Map<string, Entry>();
  const add = (e: Entry) => {
    const seen = entries.get(e.promptId);
    if (!seen) entries.set(e.promptId, e);
    else if (!seen.pinnedVersionId && e.pinnedVersionId) seen.pinnedVersionId = e.pinnedVersionId;
  };
  for (const f of favorites) add({ promptId: f.promptId, pinnedVersionId: null, source: "favorite" });
  for (const c of chosen) for (const item of c.collection.items) add({ promptId: item.promptId, pinnedVersionId: item.versionId, source: "collection" });
  for (const p of orgPrompts) add({ promptId: p.id, pinnedVersionId: null, source: "organization" });
  if (!entries.size) return [];

  const served = await servedVersions(db, [...entries.values()].map((e) => ({ promptId: e.promptId, versionId: e.pinnedVersionId })));
  const ids = [...served.keys()];
  const [prompts, versions] = await Promise.all([
    db.prompt.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true, description: true, ownerId: true } }),
    db.promptVersion.findMany({ where: { id: { in: [...served.values()].map((v) => v.id) } }, select: servedVersionSelect }),
  ]);
  const promptById = new Map(prompts.map((p) => [p.id, p]));
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const access = await bodyAccessFor(db, actor, prompts);

  const out: ToolPrompt[] = [];
  for (const entry of entries.values()) {
    const prompt = promptById.get(entry.promptId);
    const version = versionById.get(served.get(entry.promptId)?.id ?? "");
    // No approved version to serve (or a pin that is not approved): nothing to offer.
    if (!prompt || !version) continue;
    out.push({
      promptId: prompt.id,
      slug: prompt.slug,
      title: prompt.title,
      description: prompt.description,
      versionId: version.id,
      versionNumber: version.number,
      label: labelOf(version),
      pinned: entry.pinnedVersionId === version.id,
      variables: variablesOf(version),
      bodyLocked: !(access.get(prompt.id)?.canRead(version.number) ?? true),
      source: entry.source,
    });
  }
  return out;
}
