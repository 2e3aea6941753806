import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertCanWritePrompt, findReadablePrompt } from "./access";
import type { UpdatePromptInput } from "./schemas";

/** Metadata only; content changes are new versions. The slug stays stable so links keep working. */
export async function updatePrompt(db: Db, actor: Actor, input: UpdatePromptInput) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  assertCanWritePrompt(prompt, actor);
  const { promptId, ...changes } = input;
  const updated = await db.prompt.update({ where: { id: promptId }, data: changes });
  return { id: updated.id, slug: updated.slug, title: updated.title, description: updated.description, category: updated.category, tags: updated.tags, visibility: updated.visibility };
}
