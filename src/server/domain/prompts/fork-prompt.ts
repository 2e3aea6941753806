import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import type { PromptVariable } from "./variables";
import { findReadableVersion } from "./access";
import { createPrompt } from "./create-prompt";
import type { Category } from "./categories";

/** Copies a version into a new prompt owned by the forker, remembering where it came from. */
export async function forkPrompt(db: Db, actor: Actor, input: { versionId: string; title?: string; visibility?: "public" | "unlisted" | "private" }) {
  const source = await findReadableVersion(db, actor, input.versionId);
  const created = await createPrompt(
    db,
    actor,
    {
      title: input.title ?? (source.prompt.ownerId === actor.id ? `${source.prompt.title} (fork)` : source.prompt.title),
      description: source.prompt.description,
      category: source.prompt.category as Category,
      tags: source.prompt.tags,
      // A fork of a private prompt stays private unless the forker says otherwise.
      visibility: input.visibility ?? (source.prompt.visibility === "private" ? "private" : "public"),
      body: source.body,
      changelog: `Forked from ${source.prompt.slug} v${source.number}`,
      variables: source.variables as PromptVariable[],
      modelSettings: source.modelSettings as Record<string, unknown>,
    },
    { forkedFromVersionId: source.id },
  );
  return { ...created, forkedFrom: { promptId: source.promptId, versionId: source.id, number: source.number } };
}
