// Demo collections and favourites, made through the domain rules (counters, positions, follows):
// two public collections to browse and follow, the demo account's own (offered to its tools, so
// `prompts/list` over MCP shows something at once), and stars spread over the catalogue.
import type { Db } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import { addPromptToCollection } from "@/server/domain/collections/collection-items";
import { followCollection, setCollectionForTools } from "@/server/domain/collections/collection-follows";
import { createCollection } from "@/server/domain/collections/manage-collections";
import { addFavorite } from "@/server/domain/favorites/favorites";

type DemoCollection = { owner: string; title: string; description: string; category: string; size: number; forTools?: boolean; followers: string[] };

const COLLECTIONS: DemoCollection[] = [
  { owner: "demo", title: "Writing desk", description: "What I reach for when a draft needs to ship today.", category: "writing", size: 4, forTools: true, followers: ["priya-raman", "marcus-bell"] },
  { owner: "priya-raman", title: "Agent building blocks", description: "System prompts and guards for tool-using agents, in the order I wire them up.", category: "agents", size: 5, followers: ["demo", "sam-okafor", "devon-park"] },
  { owner: "jun-watanabe", title: "Teaching kit", description: "Explanations, quizzes and feedback for a week of classes.", category: "education", size: 4, followers: ["hannah-lindqvist"] },
];

/** Each person's stars: the top public prompts of a category or two, skipping their own. */
const FAVOURITES: { handle: string; categories: string[] }[] = [
  { handle: "demo", categories: ["agents", "research"] },
  { handle: "priya-raman", categories: ["coding"] },
  { handle: "marcus-bell", categories: ["marketing", "writing"] },
  { handle: "sam-okafor", categories: ["data"] },
  { handle: "elena-ortiz", categories: ["support", "productivity"] },
];

async function topPublicPrompts(db: Db, category: string, exceptOwnerId: string, take: number) {
  return db.prompt.findMany({
    where: { category, visibility: "public", archivedAt: null, ownerId: { not: exceptOwnerId }, listing: null },
    orderBy: [{ likeCount: "desc" }, { id: "asc" }],
    take,
    select: { id: true, versions: { where: { number: 1, status: "approved" }, select: { id: true } }, _count: { select: { versions: true } } },
  });
}

export async function seedCollections(db: Db, actors: Map<string, Actor>) {
  let collections = 0;
  let favourites = 0;
  for (const c of COLLECTIONS) {
    const owner = actors.get(c.owner);
    if (!owner) continue;
    const collection = await createCollection(db, owner, { title: c.title, description: c.description, visibility: "public" });
    const prompts = await topPublicPrompts(db, c.category, owner.id, c.size);
    for (const [i, p] of prompts.entries()) {
      // The second prompt stays on its first version when it has newer ones: a pinned item to look at.
      const pinned = i === 1 && p._count.versions > 1 ? (p.versions[0]?.id ?? null) : null;
      await addPromptToCollection(db, owner, { collectionId: collection.id, promptId: p.id, versionId: pinned });
    }
    if (c.forTools) await setCollectionForTools(db, owner, { collectionId: collection.id, enabled: true });
    for (const handle of c.followers) {
      const follower = actors.get(handle);
      if (follower) await followCollection(db, follower, collection.id);
    }
    collections++;
  }
  for (const f of FAVOURITES) {
    const actor = actors.get(f.handle);
    if (!actor) continue;
    for (const category of f.categories) {
      for (const p of await topPublicPrompts(db, category, actor.id, 3)) {
        await addFavorite(db, actor, p.id);
        favourites++;
      }
    }
  }
  return { collections, favourites };
}
