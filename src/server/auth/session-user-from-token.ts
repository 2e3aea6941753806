// The user a session token stands for, as every signed-in request sees it: read fresh from the
// database (findSessionUser), so that a role change, a password change or a deleted account takes
// effect at once. Shared by Auth.js's session callback and the cookie reader (session-from-cookie.ts).
import "server-only";
import type { JWT } from "next-auth/jwt";
import type { Db } from "@/server/db/prisma";
import { findSessionUser } from "@/server/domain/users/session-user";

export type SessionUser = { id: string; handle: string; role: "user" | "admin"; name: string | null; email: string; image: string | null };

export async function sessionUserFromToken(db: Db, token: JWT): Promise<SessionUser | null> {
  const uid = typeof token.uid === "string" ? token.uid : token.sub;
  if (!uid) return null;
  const user = await findSessionUser(db, uid, typeof token.cs === "string" ? token.cs : null);
  return user ? { ...user, email: user.email ?? "" } : null;
}
