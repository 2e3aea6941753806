import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertCanWritePrompt, findReadablePrompt } from "../access/prompt-access";
import type { UpdatePromptInput } from "./schemas";
import { countFork } from "./fork-count";
import { assertMayPublishFork } from "../access/paid-access";

/**
 * Metadata only; content changes are new versions. The slug stays stable so links keep working.
 * A fork of paid content cannot be made public or unlisted by someone who may not share it.
 */
export async function updatePrompt(db: Db, actor: Actor, input: UpdatePromptInput) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  assertCanWritePrompt(prompt, actor);
  if (input.visibility) await assertMayPublishFork(db, actor, prompt.forkedFromVersionId, input.visibility);
  const { promptId, ...changes } = input;
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.prompt.update({ where: { id: promptId }, data: changes });
    // A fork going public (or private) changes its parent's public fork count.
    if (prompt.forkedFromVersionId && changes.visibility && (changes.visibility === "public") !== (prompt.visibility === "public")) {
      await countFork(tx, prompt.forkedFromVersionId, changes.visibility === "public" ? 1 : -1);
    }
    return row;
  });
  return { id: updated.id, slug: updated.slug, title: updated.title, description: updated.description, category: updated.category, tags: updated.tags, visibility: updated.visibility };
}
