import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { writeVersion } from "../versions/write-version";
import type { CreatePromptInput } from "./schemas";
import { uniqueSlug } from "./unique-slug";
import { countFork } from "./fork-count";
import { notifyFork } from "../notifications/event-notifications";
import { requestPromptEmbedding } from "../embeddings/request-embedding";

export type CreatedPrompt = { id: string; slug: string; version: { id: string; number: number } };

/** A new prompt with its first version, labelled `latest`; embedded by the embed job once committed. */
export async function createPrompt(
  db: Db,
  actor: Actor,
  input: CreatePromptInput,
  opts: { forkedFromVersionId?: string; createdAt?: Date } = {},
): Promise<CreatedPrompt> {
  const created = await db.$transaction(async (tx) => {
    const prompt = await tx.prompt.create({
      data: {
        slug: await uniqueSlug(tx, input.title, input.visibility),
        title: input.title,
        description: input.description,
        category: input.category,
        tags: input.tags,
        visibility: input.visibility,
        ownerId: actor.id,
        forkedFromVersionId: opts.forkedFromVersionId,
      },
    });
    const version = await writeVersion(tx, actor, prompt.id, {
      body: input.body,
      changelog: input.changelog ?? (opts.forkedFromVersionId ? "Forked" : "First version"),
      variables: input.variables,
      modelSettings: input.modelSettings,
      createdAt: opts.createdAt,
    });
    if (opts.forkedFromVersionId) {
      await countFork(tx, opts.forkedFromVersionId, input.visibility === "public" ? 1 : 0);
      await notifyFork(tx, { actorId: actor.id, sourceVersionId: opts.forkedFromVersionId, forkId: prompt.id });
    }
    return { id: prompt.id, slug: prompt.slug, version: { id: version.id, number: version.number } };
  });
  await requestPromptEmbedding(created.id);
  return created;
}
