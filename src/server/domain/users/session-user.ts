import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { credentialStamp } from "./credential-stamp";

/**
 * The user a session token names, read fresh on every request so that a role change takes effect at
 * once and a deleted account's sessions (JWTs we cannot recall) stop working: deleted rows are ignored.
 * A session signed in before the password last changed (its `stamp` differs) is no session either.
 * Tokens issued before stamps existed carry none and are taken as they are until they expire.
 */
export async function findSessionUser(db: DbOrTx, userId: string, stamp?: string | null) {
  const user = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, handle: true, role: true, name: true, email: true, image: true, passwordHash: true } });
  if (!user) return null;
  const { passwordHash, ...sessionUser } = user;
  if (typeof stamp === "string" && stamp !== credentialStamp(passwordHash)) return null;
  return sessionUser;
}
