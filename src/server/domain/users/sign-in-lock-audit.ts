// The audit entry written when password sign-in locks an account or a client address after
// repeated wrong passwords (sign-in-throttle.ts calls it once per lock, when the lock begins).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { recordAudit, type RequestMeta } from "../audit/record-audit";

export type SignInLock = {
  /** What was locked: the account asked for (by email) or the client address. */
  scope: "account" | "ip";
  email: string;
  lockedUntil: Date;
  /** Failed attempts allowed per window, and the window, as the limit that was passed says. */
  attempts: number;
  windowMs: number;
  request: RequestMeta;
};

/**
 * Recorded by the system (nobody signed in). An account lock names the account when the email
 * belongs to one; an unknown email is not written down (the log is no list of guessed addresses).
 */
export async function recordSignInLock(db: DbOrTx, lock: SignInLock): Promise<void> {
  const user = lock.scope === "account" ? await db.user.findUnique({ where: { email: lock.email.trim().toLowerCase() }, select: { id: true, handle: true } }) : null;
  const minutes = Math.round(lock.windowMs / 60_000);
  await recordAudit(db, {
    actor: null,
    action: "signin.locked",
    target: lock.scope === "account" ? { type: "user", id: user?.id ?? null } : { type: "ip", id: lock.request.ip },
    from: "open",
    to: `locked until ${lock.lockedUntil.toISOString()}`,
    comment: `more than ${lock.attempts} wrong passwords within ${minutes} minutes for this ${lock.scope === "account" ? "account" : "address"}`,
    request: lock.request,
    details: { scope: lock.scope, lockedUntil: lock.lockedUntil.toISOString(), ...(user ? { handle: user.handle } : lock.scope === "account" ? { knownAccount: false } : {}) },
  });
}
