// The prompts of a collection, in order. Positions are dense (0..n-1) and every change rewrites them
// under a lock on the collection row, so concurrent adds, removals and reorders never leave gaps or
// duplicates. An item pinned to a version serves that version; an unpinned one follows `production`.
import "server-only";
import type { Db, Tx } from "@/server/db/prisma";
import { MAX_COLLECTION_ITEMS } from "@/shared/collections/collection-fields";
import type { Actor } from "../actor";
import { findReadablePrompt, findReadableVersion } from "../access/prompt-access";
import { NotFoundError, ValidationError } from "../errors";
import { lockManageableCollection } from "./collection-access";

type AddInput = { collectionId: string; promptId: string; versionId?: string | null };

/** Adds a prompt the actor may read at the end, or changes the pin of one already there. */
export async function addPromptToCollection(db: Db, actor: Actor, input: AddInput) {
  return db.$transaction(async (tx) => {
    const collection = await lockManageableCollection(tx, actor, input.collectionId);
    const prompt = await findReadablePrompt(tx, actor, input.promptId);
    if (prompt.archivedAt) throw new ValidationError("promptId: an archived prompt cannot be added to a collection.", { promptId: ["is archived"] });
    const versionId = input.versionId ? await pinnableVersionId(tx, actor, prompt.id, input.versionId) : null;

    const existing = await tx.collectionItem.findUnique({ where: { collectionId_promptId: { collectionId: collection.id, promptId: prompt.id } } });
    if (existing) {
      await tx.collectionItem.update({ where: { id: existing.id }, data: { versionId } });
    } else {
      const count = await tx.collectionItem.count({ where: { collectionId: collection.id } });
      if (count >= MAX_COLLECTION_ITEMS) throw new ValidationError(`promptId: a collection holds at most ${MAX_COLLECTION_ITEMS} prompts.`, { promptId: [`the collection is full (${MAX_COLLECTION_ITEMS})`] });
      await tx.collectionItem.create({ data: { collectionId: collection.id, promptId: prompt.id, versionId, position: count, addedById: actor.id } });
    }
    await touch(tx, collection.id);
    return { collectionId: collection.id, promptId: prompt.id, versionId, added: !existing };
  });
}

/** A version of this prompt that the actor may see and that is approved: only approved versions are served. */
async function pinnableVersionId(tx: Tx, actor: Actor, promptId: string, versionId: string) {
  const version = await findReadableVersion(tx, actor, versionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new ValidationError("versionId: no such version of this prompt.", { versionId: ["is not a version of this prompt"] });
    throw error;
  });
  if (version.promptId !== promptId) throw new ValidationError("versionId: no such version of this prompt.", { versionId: ["is not a version of this prompt"] });
  if (version.status !== "approved") throw new ValidationError("versionId: only approved versions can be pinned.", { versionId: ["is not approved"] });
  return version.id;
}

export async function removePromptFromCollection(db: Db, actor: Actor, input: { collectionId: string; promptId: string }) {
  return db.$transaction(async (tx) => {
    const collection = await lockManageableCollection(tx, actor, input.collectionId);
    const removed = await tx.collectionItem.deleteMany({ where: { collectionId: collection.id, promptId: input.promptId } });
    if (!removed.count) throw new NotFoundError("Prompt in this collection");
    await renumber(tx, collection.id, []);
    await touch(tx, collection.id);
    return { collectionId: collection.id, promptId: input.promptId, removed: true as const };
  });
}

/**
 * Puts the named prompts first, in the order given; the items not named (added meanwhile, or
 * hidden from this manager) follow in their previous order. Every id must be in the collection.
 */
export async function reorderCollection(db: Db, actor: Actor, input: { collectionId: string; promptIds?: string[]; itemIds?: string[] }) {
  return db.$transaction(async (tx) => {
    const collection = await lockManageableCollection(tx, actor, input.collectionId);
    const items = await tx.collectionItem.findMany({ where: { collectionId: collection.id }, select: { id: true, promptId: true } });
    const field = input.itemIds ? "itemIds" : "promptIds";
    const promptOf = new Map(input.itemIds ? items.map((i) => [i.id, i.promptId]) : items.map((i) => [i.promptId, i.promptId]));
    const named = input.itemIds ?? input.promptIds ?? [];
    const unknown = named.filter((id) => !promptOf.has(id));
    const what = field === "itemIds" ? "item" : "prompt";
    if (unknown.length) throw new ValidationError(`${field}: ${unknown.length === 1 ? `a ${what} is` : `${unknown.length} ${what}s are`} not in this collection.`, { [field]: [`names a ${what} that is not in this collection`] });
    const order = await renumber(tx, collection.id, named.map((id) => promptOf.get(id)!));
    await touch(tx, collection.id);
    return { collectionId: collection.id, promptIds: order };
  });
}

/** Rewrites positions 0..n-1: `first` in that order, then the rest by their current position. One statement. */
async function renumber(tx: Tx, collectionId: string, first: string[]) {
  const rows = await tx.collectionItem.findMany({ where: { collectionId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, promptId: true } });
  const rank = new Map(first.map((id, i) => [id, i]));
  const ordered = [...rows.filter((r) => rank.has(r.promptId)).sort((a, b) => rank.get(a.promptId)! - rank.get(b.promptId)!), ...rows.filter((r) => !rank.has(r.promptId))];
  if (ordered.length) {
    const ids = ordered.map((r) => r.id);
    await tx.$executeRaw`
      UPDATE "CollectionItem" AS ci SET position = o.ord - 1
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS o(id, ord)
      WHERE ci.id = o.id`;
  }
  return ordered.map((r) => r.promptId);
}

const touch = (tx: Tx, collectionId: string) => tx.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() }, select: { id: true } });
