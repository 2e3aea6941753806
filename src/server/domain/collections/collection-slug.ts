import "server-only";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";
import { slugify } from "../prompts/slug";

/**
 * A slug no collection has yet: the title's slug (with a short suffix when taken) for a public
 * collection; a long random suffix otherwise, so a hidden collection's link cannot be guessed from
 * its title and a new public one never learns that a hidden one holds the bare slug.
 */
export async function uniqueCollectionSlug(db: DbOrTx, title: string, visibility: string): Promise<string> {
  const base = slugify(title).replace(/^prompt$/, "collection");
  const suffixed = (bytes: number) => `${base}-${randomBytes(bytes).toString("hex")}`;
  const candidates = visibility === "public" ? [base, ...Array.from({ length: 5 }, () => suffixed(3))] : Array.from({ length: 3 }, () => suffixed(6));
  const taken = new Set((await db.collection.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((c) => c.slug));
  return candidates.find((c) => !taken.has(c)) ?? suffixed(8);
}
