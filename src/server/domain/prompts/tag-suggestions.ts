// Existing tags for the tag input: only tags of public, live prompts (a private prompt's tags are
// its owner's business), tags starting with what was typed first, then those containing it, most
// used first.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { normalizeTag } from "@/shared/prompts/tags";
import { notArchivedSql } from "../access/prompt-access";

export async function tagSuggestions(db: DbOrTx, input: { query: string; limit: number }) {
  const q = normalizeTag(input.query);
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.$queryRaw<{ tag: string; uses: number }[]>`
    SELECT t AS tag, count(*)::int AS uses
    FROM "Prompt" p CROSS JOIN LATERAL unnest(p.tags) AS t
    WHERE p.visibility = 'public' AND ${notArchivedSql("p")} AND t LIKE ${`%${escaped}%`}
    GROUP BY t
    ORDER BY (t LIKE ${`${escaped}%`}) DESC, uses DESC, t ASC
    LIMIT ${input.limit}`;
  return { query: q, items: rows };
}
