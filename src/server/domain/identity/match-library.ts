// Rendered detection: is a captured text one of the owner's library prompt versions with its
// {{variables}} filled in? Then the capture is a use of that version, with the values extracted,
// whatever the embedding says. Checked against the versions behind the labels of the owner's prompts
// that are not archived (`latest`, `production` and custom ones, with both versions of a split label,
// so an A/B test's calls are counted per version) (and of the prompts of organisations
// where their role lets their calls count: attributablePromptsSql). Bodies with too little constant text
// (e.g. "{{input}}") would match anything and are left out.
//
// The versions are cached per owner behind a fingerprint of those labels (one cheap query per
// capture): a new version, a moved label, a deleted or archived prompt changes it.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { constantLength, matchRendered } from "@/shared/prompts/match-rendered";
import { attributablePromptsSql } from "../access/prompt-access";

/** Constant characters (whitespace aside) a body needs before a render of it counts. */
export const MIN_CONSTANT_LENGTH = 12;
const MAX_CACHED_OWNERS = 500;

type LibraryVersion = { promptId: string; versionId: string; number: number; body: string; constant: number; production: boolean };
type Cached = { fingerprint: string; versions: LibraryVersion[] };

const cache = new Map<string, Cached>();

export type LibraryMatch = { promptId: string; versionId: string; versionNumber: number; values: Record<string, string> };

async function fingerprint(db: DbOrTx, ownerId: string): Promise<string> {
  const rows = await db.$queryRaw<{ f: string | null }[]>`
    SELECT md5(string_agg(l."versionId" || ':' || l.name || ':' || coalesce(l."splitVersionId", ''), ',' ORDER BY l."versionId", l.name)) AS f
    FROM "PromptLabel" l JOIN "Prompt" p ON p.id = l."promptId"
    WHERE ${attributablePromptsSql(ownerId)} AND p."archivedAt" IS NULL`;
  return rows[0]?.f ?? "none";
}

async function libraryVersions(db: DbOrTx, ownerId: string): Promise<LibraryVersion[]> {
  const print = await fingerprint(db, ownerId);
  const hit = cache.get(ownerId);
  if (hit?.fingerprint === print) return hit.versions;
  const rows = await db.$queryRaw<{ promptId: string; versionId: string; number: number; body: string; production: boolean }[]>`
    SELECT v."promptId", v.id AS "versionId", v.number, v.body, bool_or(t.production) AS production
    FROM "PromptLabel" l
    JOIN "Prompt" p ON p.id = l."promptId"
    CROSS JOIN LATERAL (VALUES (l."versionId", l.name = 'production'), (l."splitVersionId", false)) AS t("versionId", production)
    JOIN "PromptVersion" v ON v.id = t."versionId"
    WHERE ${attributablePromptsSql(ownerId)} AND p."archivedAt" IS NULL
    GROUP BY v."promptId", v.id, v.number, v.body`;
  const versions = rows
    .map((r) => ({ ...r, constant: constantLength(r.body) }))
    .filter((v) => v.constant >= MIN_CONSTANT_LENGTH)
    // Most constant text first: the most specific body wins; then production over latest.
    .sort((a, b) => b.constant - a.constant || Number(b.production) - Number(a.production) || b.number - a.number);
  if (cache.size >= MAX_CACHED_OWNERS) cache.delete(cache.keys().next().value as string);
  cache.set(ownerId, { fingerprint: print, versions });
  return versions;
}

/** The owner's library version that one of `texts` renders (the whole prompt, the instructions or one message), or null. */
export async function matchLibrary(db: DbOrTx, ownerId: string, texts: string[]): Promise<LibraryMatch | null> {
  if (texts.length === 0) return null;
  const versions = await libraryVersions(db, ownerId);
  for (const v of versions) {
    for (const text of texts) {
      const match = matchRendered(v.body, text);
      if (match) return { promptId: v.promptId, versionId: v.versionId, versionNumber: v.number, values: match.values };
    }
  }
  return null;
}
