// Existing tags for the tag input: only tags of public, live prompts (a private prompt's tags are
// its owner's business; "PublicTag" counts them, kept by triggers), tags starting with what was
// typed first, then those containing it, most used first.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { normalizeTag } from "@/shared/prompts/tags";

export async function tagSuggestions(db: DbOrTx, input: { query: string; limit: number }) {
  const q = normalizeTag(input.query);
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.$queryRaw<{ tag: string; uses: number }[]>`
    SELECT pt.tag, pt.uses FROM "PublicTag" pt
    WHERE pt.tag LIKE ${`%${escaped}%`}
    ORDER BY (pt.tag LIKE ${`${escaped}%`}) DESC, pt.uses DESC, pt.tag ASC
    LIMIT ${input.limit}`;
  return { query: q, items: rows };
}
