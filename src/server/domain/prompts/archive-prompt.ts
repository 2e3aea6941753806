// Archiving takes a prompt out of every list (search, profiles, feeds, trending, the Market: see
// notArchivedWhere) without breaking anything that depends on it: its URL keeps working for its
// owner and its licensees, forks keep their lineage, and a listing stays as it was (an archived
// prompt cannot be bought). Restoring puts it back exactly as it was.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import type { RequestMeta } from "../audit/record-audit";

async function setArchived(db: DbOrTx, actor: Actor, promptId: string, archived: boolean, request?: RequestMeta | null) {
  const prompt = await findReadablePrompt(db, actor, promptId);
  await assertPromptAction(db, actor, prompt, "prompt.update", { request });
  // Archiving twice keeps the first date; restoring a live prompt changes nothing.
  const archivedAt = archived ? (prompt.archivedAt ?? new Date()) : null;
  if ((prompt.archivedAt?.getTime() ?? null) !== (archivedAt?.getTime() ?? null)) await db.prompt.update({ where: { id: prompt.id }, data: { archivedAt } });
  return { id: prompt.id, slug: prompt.slug, archivedAt };
}

/** Owner (an organisation's prompt: prompt.update there) only; others get NOT_FOUND for what they cannot see, FORBIDDEN otherwise. Idempotent. */
export const archivePrompt = (db: DbOrTx, actor: Actor, input: { promptId: string }, request?: RequestMeta | null) => setArchived(db, actor, input.promptId, true, request);
export const restorePrompt = (db: DbOrTx, actor: Actor, input: { promptId: string }, request?: RequestMeta | null) => setArchived(db, actor, input.promptId, false, request);
