import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

export type ServedVersion = { id: string; number: number; body: string; promptId: string };

/**
 * The version each item serves: its pinned version, else the prompt's `production` label, else its
 * newest approved version (only approved versions are ever served; a pin is approved when made).
 * Two queries for any number of items.
 */
export async function servedVersions(db: DbOrTx, items: { promptId: string; versionId: string | null }[]): Promise<Map<string, ServedVersion>> {
  const served = new Map<string, ServedVersion>();
  if (!items.length) return served;
  const pinnedIds = items.flatMap((i) => (i.versionId ? [i.versionId] : []));
  const unpinned = items.filter((i) => !i.versionId).map((i) => i.promptId);
  const select = { id: true, number: true, body: true, promptId: true } as const;
  const [pinned, following] = await Promise.all([
    pinnedIds.length ? db.promptVersion.findMany({ where: { id: { in: pinnedIds }, status: "approved" }, select }) : [],
    unpinned.length
      ? db.$queryRaw<ServedVersion[]>`
          SELECT DISTINCT ON (v."promptId") v.id, v.number, v.body, v."promptId"
          FROM "PromptVersion" v
          LEFT JOIN "PromptLabel" l ON l."promptId" = v."promptId" AND l.name = 'production'
          WHERE v."promptId" = ANY(${unpinned}::text[]) AND v.status = 'approved'
          ORDER BY v."promptId", (v.id = l."versionId") DESC NULLS LAST, v.number DESC`
      : [],
  ]);
  for (const v of [...following, ...pinned]) served.set(v.promptId, v);
  return served;
}
