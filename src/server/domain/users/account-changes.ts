// Changing the password and the email of one's own account.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError } from "../errors";
import { assertCurrentPasswordAudited } from "./current-password";
import { hashPassword } from "./password";

/** Sets a new password; the current one is required when the account has one (GitHub-only accounts gain one). */
export async function changePassword(db: Db, actor: Actor, input: { currentPassword?: string; newPassword: string }, request?: RequestMeta | null) {
  const { hasPassword } = await assertCurrentPasswordAudited(db, actor, "account.password", input.currentPassword, request);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    // Never the password nor its hash: only that it changed (or was set for the first time).
    await recordAudit(tx, { actor, action: "account.password", target: { type: "user", id: actor.id }, from: hasPassword ? "a password" : "no password (GitHub only)", to: "a new password", request });
  });
  return { changed: true };
}

/** A new sign-in email, unique across accounts; the password confirms it when the account has one. */
export async function changeEmail(db: Db, actor: Actor, input: { email: string; currentPassword?: string }, request?: RequestMeta | null) {
  await assertCurrentPasswordAudited(db, actor, "account.email", input.currentPassword, request);
  const clash = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (clash && clash.id !== actor.id) throw new ConflictError("email: another account uses that email.", { email: ["is already registered"] });
  if (clash) return { email: input.email }; // already this account's email: nothing changes (it stays verified)
  try {
    const user = await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
      const after = await tx.user.update({ where: { id: actor.id }, data: { email: input.email, emailVerified: null }, select: { email: true } });
      await recordAudit(tx, { actor, action: "account.email", target: { type: "user", id: actor.id }, from: before.email, to: after.email, request });
      return after;
    });
    return { email: user.email };
  } catch (error) {
    // Two accounts claiming the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("email: another account uses that email.", { email: ["is already registered"] });
    throw error;
  }
}
