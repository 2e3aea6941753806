// A session remembers which password it was signed in with, as a short stamp of the password hash
// (never the hash itself): changing the password changes the stamp, so every session signed in with
// the old one stops working at once, although JWT sessions cannot be recalled one by one.
import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";

export function credentialStamp(passwordHash: string | null): string {
  return createHash("sha256").update(`promptuary-session:${passwordHash ?? ""}`).digest("base64url").slice(0, 16);
}

/** The stamp a new session of this user carries. */
export async function credentialStampOf(db: DbOrTx, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user ? credentialStamp(user.passwordHash) : null;
}
