// prompt.similar: a prompt's nearest neighbours by embedding (pgvector), as search cards, among the
// prompts the viewer may list (public or their own, never archived), never the prompt itself.
// Paid bodies never leak: a neighbour whose latest body the viewer may not read is left out (its
// similarity is a fact about that body), and when the viewer may not read the prompt's own body its
// neighbours are found from its public face (title, description, tags) instead of its body.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { latestBodyHiddenSql } from "../access/paid-access";
import { findReadablePrompt, listablePromptsSql } from "../access/prompt-access";
import { readAsAnonymousWhenSame } from "../access/public-reads";
import { currentEmbedder } from "../embeddings/current-embedder";
import { discoveryFloor } from "../embeddings/discovery-floor";
import type { Embedder } from "../embeddings/embedder";
import { embedOneCached } from "../embeddings/embedding-cache";
import { nearestPromptsWhere, storedPromptVector, textHash } from "../embeddings/prompt-embeddings";
import { promptCardsByIds, type PromptCard } from "./prompt-cards";

export const SIMILAR_DEFAULT_LIMIT = 6;

export type SimilarPrompt = PromptCard & { similarity: number };

/** The text whose embedding stands for a prompt when its body is withheld from the viewer. */
const publicFace = (p: { title: string; description: string; tags: string[] }) => [p.title, p.description, p.tags.join(" ")].filter(Boolean).join("\n");

export async function similarPrompts(db: Db, viewer: Viewer, input: { promptId: string; limit?: number }, embedder: Embedder = currentEmbedder()): Promise<{ items: SimilarPrompt[] }> {
  return readAsAnonymousWhenSame(db, viewer, `similar:${embedder.model}:${input.promptId}:${input.limit ?? SIMILAR_DEFAULT_LIMIT}`, (as) => similarAs(db, as, input, embedder));
}

async function similarAs(db: Db, viewer: Viewer, input: { promptId: string; limit?: number }, embedder: Embedder): Promise<{ items: SimilarPrompt[] }> {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const limit = input.limit ?? SIMILAR_DEFAULT_LIMIT;
  // The stored embedding is read alongside (used only when the viewer may read the body it is of).
  const [[source], stored] = await Promise.all([
    db.$queryRaw<{ body: string | null; hidden: boolean }[]>`
      SELECT v.body, ${latestBodyHiddenSql(viewer, "p")} AS hidden
      FROM "Prompt" p
      LEFT JOIN "PromptLabel" l ON l."promptId" = p.id AND l.name = 'latest'
      LEFT JOIN "PromptVersion" v ON v.id = l."versionId"
      WHERE p.id = ${prompt.id}`,
    storedPromptVector(db, embedder, prompt.id),
  ]);
  if (!source) return { items: [] };

  let vector: number[];
  if (source.hidden || source.body === null) {
    vector = await embedOneCached(embedder, publicFace(prompt));
  } else {
    // The stored embedding when it is of this body; a prompt saved a moment ago is embedded here.
    vector = stored && stored.textHash === textHash(source.body) ? stored.vector : (await embedder.embed([source.body]))[0];
  }

  const filter = Prisma.sql`p.id <> ${prompt.id} AND ${listablePromptsSql(viewer, "p")} AND NOT ${latestBodyHiddenSql(viewer, "p")}`;
  // The transaction waits its turn for a connection like any query (Prisma's default gives up after
  // 2 s: under load the embedded database's one connection is busy longer, and the page lost its
  // Similar panel, logging an error per view).
  const nearest = await db.$transaction((tx) => nearestPromptsWhere(tx, embedder, vector, { filter, limit, minSimilarity: discoveryFloor(embedder, "similar") }), {
    maxWait: 30_000,
  });
  const similarity = new Map(nearest.map((n) => [n.promptId, n.similarity]));
  const cards = await promptCardsByIds(db, viewer, nearest.map((n) => n.promptId));
  return { items: cards.map((card) => ({ ...card, similarity: Math.round((similarity.get(card.id) ?? 0) * 1000) / 1000 })) };
}
