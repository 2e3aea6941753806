import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { AuditAction } from "@/shared/governance/audit-actions";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import { verifyPassword } from "./password";

/**
 * Account changes that could lock the owner out (password, email, deletion) need the current
 * password when the account has one; accounts created through GitHub have none. A wrong or
 * missing one is a field error on `currentPassword`.
 */
export async function assertCurrentPassword(db: DbOrTx, userId: string, currentPassword: string | undefined) {
  const user = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, passwordHash: true } });
  if (!user) throw new NotFoundError("User");
  if (!user.passwordHash) return { hasPassword: false };
  if (!currentPassword) throw new ValidationError("currentPassword: enter your current password.", { currentPassword: ["is required"] });
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw new ValidationError("currentPassword: that is not your current password.", { currentPassword: ["is not your current password"] });
  return { hasPassword: true };
}

/**
 * assertCurrentPassword for a sensitive account change: a wrong or missing current password is
 * written to the audit log as a refused attempt at `action` (someone at an unlocked session may be
 * guessing), then refused as before.
 */
export async function assertCurrentPasswordAudited(
  db: DbOrTx,
  actor: Actor,
  action: Extract<AuditAction, "account.password" | "account.email" | "account.delete">,
  currentPassword: string | undefined,
  request?: RequestMeta | null,
) {
  try {
    return await assertCurrentPassword(db, actor.id, currentPassword);
  } catch (error) {
    if (error instanceof ValidationError)
      await recordAudit(db, { actor, action, outcome: "refused", target: { type: "user", id: actor.id }, comment: error.message.replace(/^currentPassword: /, ""), request });
    throw error;
  }
}
