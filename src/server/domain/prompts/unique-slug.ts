import "server-only";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";
import { slugify } from "./slug";
import type { Visibility } from "@/shared/prompts/visibility";

/**
 * A slug no prompt has yet.
 *
 * A public prompt gets the title's slug when it is free, otherwise that plus a short random suffix.
 * A prompt that starts unlisted or private always gets a long random suffix, so that it never holds
 * a title's bare slug: a new prompt that finds the bare slug taken (and gets a suffix) then learns
 * only of a prompt that was public, never of a hidden one, and an unlisted prompt's link cannot be
 * guessed from its title. Slugs stay stable afterwards (links keep working), so a prompt made
 * private after being public keeps the slug everyone could already see.
 */
export async function uniqueSlug(db: DbOrTx, title: string, visibility: Visibility = "public"): Promise<string> {
  const base = slugify(title);
  const suffixed = (bytes: number) => `${base}-${randomBytes(bytes).toString("hex")}`;
  const candidates = visibility === "public" ? [base, ...Array.from({ length: 5 }, () => suffixed(3))] : Array.from({ length: 3 }, () => suffixed(6));
  const taken = new Set(
    (await db.prompt.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((p) => p.slug),
  );
  return candidates.find((c) => !taken.has(c)) ?? suffixed(8);
}
