import "server-only";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";
import { RESERVED_HANDLES } from "./create-user";

/** A free handle derived from a display name or email, for accounts created through OAuth. */
export async function handleForNewAccount(db: DbOrTx, source: string): Promise<string> {
  let base = source.split("@")[0].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 24);
  if (base.length < 3) base = `user-${base}`.replace(/-+$/, "");
  for (let attempt = 0; attempt < 6; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${randomBytes(2).toString("hex")}`;
    if (RESERVED_HANDLES.has(candidate) || candidate.startsWith("deleted-")) continue;
    if (!(await db.user.findUnique({ where: { handle: candidate }, select: { id: true } }))) return candidate;
  }
  return `user-${randomBytes(5).toString("hex")}`;
}
