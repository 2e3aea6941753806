import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { verifyPassword } from "./password";

/** The user for an email and password, or null; the same answer whether the email or the password is wrong. */
export async function verifyCredentials(db: DbOrTx, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, handle: true, name: true, image: true, role: true, passwordHash: true },
  });
  if (!user?.passwordHash) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  const { passwordHash: _secret, ...safe } = user;
  return safe;
}
