import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

/**
 * The user a session token names, read fresh on every request so that a role change takes effect at
 * once and a deleted account's sessions (JWTs we cannot recall) stop working: deleted rows are ignored.
 */
export function findSessionUser(db: DbOrTx, userId: string) {
  return db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, handle: true, role: true, name: true, email: true, image: true } });
}
