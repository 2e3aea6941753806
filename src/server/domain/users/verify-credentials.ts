import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { hashPassword, verifyPassword } from "./password";

/** A hash no password matches, checked for unknown accounts so they take as long as known ones. */
let decoyHash: Promise<string> | undefined;

/** The user for an email and password, or null; the same answer (and about the same time) whether the email or the password is wrong. */
export async function verifyCredentials(db: DbOrTx, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, handle: true, name: true, image: true, role: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    await verifyPassword(password, await (decoyHash ??= hashPassword(crypto.randomUUID())));
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  const { passwordHash: _secret, ...safe } = user;
  return safe;
}
