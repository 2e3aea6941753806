// Changing the password and the email of one's own account.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ConflictError } from "../errors";
import { assertCurrentPassword } from "./current-password";
import { hashPassword } from "./password";

/** Sets a new password; the current one is required when the account has one (GitHub-only accounts gain one). */
export async function changePassword(db: Db, actor: Actor, input: { currentPassword?: string; newPassword: string }) {
  await assertCurrentPassword(db, actor.id, input.currentPassword);
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  return { changed: true };
}

/** A new sign-in email, unique across accounts; the password confirms it when the account has one. */
export async function changeEmail(db: Db, actor: Actor, input: { email: string; currentPassword?: string }) {
  await assertCurrentPassword(db, actor.id, input.currentPassword);
  const clash = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (clash && clash.id !== actor.id) throw new ConflictError("email: another account uses that email.", { email: ["is already registered"] });
  if (clash) return { email: input.email }; // already this account's email: nothing changes (it stays verified)
  try {
    const user = await db.user.update({ where: { id: actor.id }, data: { email: input.email, emailVerified: null }, select: { email: true } });
    return { email: user.email };
  } catch (error) {
    // Two accounts claiming the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("email: another account uses that email.", { email: ["is already registered"] });
    throw error;
  }
}
