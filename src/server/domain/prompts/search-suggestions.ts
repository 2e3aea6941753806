// "Did you mean …?": when a search finds nothing as typed, each word that no visible prompt
// contains is replaced by the closest word (pg_trgm similarity) from a vocabulary of what the viewer
// may see: words of titles and of tags (those of public prompts from "PublicTitleWord" and
// "PublicTag", kept by triggers, plus those of the non-public prompts the viewer may see), and the
// category names.
// Bodies are left out of the vocabulary so a paid or private body never suggests a word.
// Runs only on the no-exact-match path, so ordinary searches pay nothing for it.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { CATEGORIES } from "@/shared/prompts/categories";

/** Below this pg_trgm similarity a word is not offered (pg_trgm's own default threshold). */
export const SUGGESTION_MIN_SIMILARITY = 0.3;
/** Longer queries are left alone: correcting word by word beyond this is guesswork. */
const MAX_WORDS = 6;

const CATEGORY_WORDS = [...new Set(Object.entries(CATEGORIES).flatMap(([slug, label]) => `${slug} ${label}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)))].filter((w) => w.length >= 3);

/** The categories a whole query names ("research", "Image generation", "image-generation"). */
export function categoriesNamedBy(q: string): string[] {
  const wanted = q.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  return Object.entries(CATEGORIES)
    .filter(([slug, label]) => slug.replace(/-/g, " ") === wanted || label.toLowerCase() === wanted)
    .map(([slug]) => slug);
}

/** The words of a query as the suggester sees them: letters and digits, lower case. */
const wordsOf = (q: string) => q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * SQL conditions on a prompt (alias p): the viewer may see it; its searchable text matches a
 * tsquery. `beyondPublic`: the viewer may see prompts that are not public (their own, their
 * organisations'), whose title words and tags join the vocabulary.
 */
export type SuggestionScope = { visible: Prisma.Sql; matches: (tsquery: Prisma.Sql) => Prisma.Sql; beyondPublic: boolean };

/**
 * The query with unknown words replaced by their closest known word, or null when nothing would
 * change (every word is known, or no known word is close enough).
 */
export async function suggestQuery(db: DbOrTx, scope: SuggestionScope, q: string): Promise<string | null> {
  const words = wordsOf(q);
  if (!words.length || words.length > MAX_WORDS) return null;
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    const best = word.length < 3 ? null : await closestUnknownWord(db, scope, word);
    if (best && best !== word) changed = true;
    corrected.push(best ?? word);
  }
  return changed ? corrected.join(" ") : null;
}

/** The closest vocabulary word to `word`, or null when `word` is already known (or nothing is close). */
async function closestUnknownWord(db: DbOrTx, { visible, matches, beyondPublic }: SuggestionScope, word: string): Promise<string | null> {
  const tsquery = Prisma.sql`plainto_tsquery('english', ${word})`;
  const [row] = await db.$queryRaw<{ known: boolean; best: string | null }[]>`
    WITH vocabulary AS (
      SELECT DISTINCT w FROM (
        -- Words of public titles that resemble it (trigram similarity at least pg_trgm's 0.3, on the word table's index).
        SELECT pw.word AS w FROM "PublicTitleWord" pw WHERE pw.word % ${word}
        UNION ALL${
          beyondPublic
            ? Prisma.sql`
        SELECT w FROM "Prompt" p CROSS JOIN LATERAL title_words(p.title) w WHERE ${visible} AND p.visibility <> 'public'
        UNION ALL`
            : Prisma.empty
        }
        -- Each distinct tag split once (most prompts share their tags).
        SELECT lower(regexp_split_to_table(t, '[^[:alnum:]]+')) FROM (
          SELECT pt.tag AS t FROM "PublicTag" pt${
            beyondPublic
              ? Prisma.sql`
          UNION
          SELECT DISTINCT t FROM "Prompt" p CROSS JOIN LATERAL unnest(p.tags) t WHERE ${visible} AND p.visibility <> 'public'`
              : Prisma.empty
          }
        ) tags
        UNION ALL
        SELECT unnest(${CATEGORY_WORDS}::text[])
      ) x WHERE length(w) >= 3
    )
    SELECT
      (numnode(${tsquery}) = 0
        OR EXISTS (SELECT 1 FROM "Prompt" p WHERE ${visible} AND ${matches(tsquery)})
        OR EXISTS (SELECT 1 FROM vocabulary WHERE w = ${word})) AS known,
      (SELECT w FROM vocabulary WHERE similarity(w, ${word}) >= ${SUGGESTION_MIN_SIMILARITY}
        ORDER BY similarity(w, ${word}) DESC, abs(length(w) - length(${word})), w LIMIT 1) AS best`;
  return row && !row.known ? row.best : null;
}
