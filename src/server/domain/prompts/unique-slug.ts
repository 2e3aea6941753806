import "server-only";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";
import { slugify } from "./slug";

/** A slug no prompt has yet: the title's slug, or that plus a short random suffix. */
export async function uniqueSlug(db: DbOrTx, title: string): Promise<string> {
  const base = slugify(title);
  const candidates = [base, ...Array.from({ length: 5 }, () => `${base}-${randomBytes(3).toString("hex")}`)];
  const taken = new Set(
    (await db.prompt.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((p) => p.slug),
  );
  return candidates.find((c) => !taken.has(c)) ?? `${base}-${randomBytes(6).toString("hex")}`;
}
