import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertCanWritePrompt, findReadablePrompt } from "../access/prompt-access";
import type { CreateVersionInput } from "./schemas";
import { writeVersion } from "./write-version";
import { requestPromptEmbedding } from "../embeddings/request-embedding";

/** Saving new content never edits a version: it appends the next one. */
/** `createdAt` is for importing history (the demo seed); the API never sets it. */
export async function createVersion(db: Db, actor: Actor, input: CreateVersionInput, opts: { createdAt?: Date } = {}) {
  const created = await db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, input.promptId);
    assertCanWritePrompt(prompt, actor);
    const version = await writeVersion(tx, actor, prompt.id, { ...input, createdAt: opts.createdAt });
    return { id: version.id, number: version.number, promptId: prompt.id };
  });
  // After the commit: the embed job must find the new latest body.
  await requestPromptEmbedding(created.promptId);
  return { id: created.id, number: created.number };
}
