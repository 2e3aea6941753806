// Password sign-in with throttling per account and per client address: it slows, then locks. Each
// attempt is counted before the password is checked (so a burst of parallel guesses cannot slip past
// the limit) and given back when it succeeds. After a few failures each attempt waits before its
// answer, longer each time (SIGN_IN_SLOWDOWN; whatever the password, so the wait says nothing about
// it). Past the limit within the window, every attempt, a correct password
// included, is refused until the lock expires, with the same answer whether or not the account
// exists: accounts are counted by a hash of the email asked for, not by user. State lives in the
// database (SignInThrottle) so restarts and replicas share it.
import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/server/db/prisma";
import { tooManyAttemptsMessage, minutesLeft } from "@/shared/auth/sign-in-errors";
import { DomainError } from "../errors";
import { verifyCredentials } from "./verify-credentials";
import { recordSignInLock } from "./sign-in-lock-audit";

type Limit = { attempts: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;

/** Failed attempts allowed per window before a lock, per account and per client address. */
export const SIGN_IN_LIMITS: { account: Limit; ip: Limit } = {
  account: { attempts: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  // Wider: people behind one address (an office, a school) share it.
  ip: { attempts: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};

/** Failures in the window (this attempt included) after which each attempt waits: first, then doubling up to max. */
export const SIGN_IN_SLOWDOWN = { account: 3, ip: 20, firstDelayMs: 500, maxDelayMs: 8_000 };

/** How long an attempt waits, given the failures counted so far (this one included) on its account and address. */
export function signInDelayMs(accountFailures: number, ipFailures: number): number {
  const over = Math.max(accountFailures - SIGN_IN_SLOWDOWN.account, ipFailures - SIGN_IN_SLOWDOWN.ip);
  if (over <= 0) return 0;
  return Math.min(SIGN_IN_SLOWDOWN.maxDelayMs, SIGN_IN_SLOWDOWN.firstDelayMs * 2 ** (over - 1));
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TooManySignInAttemptsError extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super(tooManyAttemptsMessage(minutesLeft(retryAfterMs)), 429);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

export const accountThrottleKey = (email: string) => `account:${sha256(email.trim().toLowerCase())}`;

/** IPv6 clients are counted per /64 (one subscriber's usual allocation), IPv4 per address. */
export function ipThrottleKey(ip: string) {
  if (!ip.includes(":")) return `ip:${ip}`;
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `ip:${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Counts one attempt on a key, atomically: a new window when the last one (or a lock) is over, a
 * lock when this attempt passes the limit, nothing while locked. Returns the lock's end, if locked,
 * and whether this attempt began the lock (its end is the one this attempt would set).
 */
async function countAttempt(db: DbOrTx, key: string, limit: Limit, now: Date): Promise<{ lockedUntil: Date; began: boolean } | null> {
  // Timestamps travel as ISO text, cast to the column's type (UTC wall time, as Prisma stores DateTime).
  const at = (d: Date) => d.toISOString();
  const nowTs = at(now);
  const windowOpenedAfter = at(new Date(now.getTime() - limit.windowMs));
  const lockUntil = at(new Date(now.getTime() + limit.lockMs));
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${nowTs}::timestamp, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."lockedUntil" > ${nowTs}::timestamp THEN t."failures"
        WHEN t."lockedUntil" IS NOT NULL OR t."windowStart" <= ${windowOpenedAfter}::timestamp THEN 1
        ELSE t."failures" + 1 END,
      "windowStart" = CASE
        WHEN t."lockedUntil" > ${nowTs}::timestamp THEN t."windowStart"
        WHEN t."lockedUntil" IS NOT NULL OR t."windowStart" <= ${windowOpenedAfter}::timestamp THEN ${nowTs}::timestamp
        ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > ${nowTs}::timestamp THEN t."lockedUntil"
        WHEN t."lockedUntil" IS NULL AND t."windowStart" > ${windowOpenedAfter}::timestamp AND t."failures" + 1 > ${limit.attempts} THEN ${lockUntil}::timestamp
        ELSE NULL END
    RETURNING "lockedUntil"`;
  const lockedUntil = rows[0]?.lockedUntil ?? null;
  if (!lockedUntil || lockedUntil.getTime() <= now.getTime()) return null;
  return { lockedUntil, began: lockedUntil.getTime() === new Date(lockUntil).getTime() };
}

/**
 * The user for an email and password, or null when they do not match; throws
 * TooManySignInAttemptsError (429) while the account or the client address is locked.
 */
export async function signInWithPassword(db: DbOrTx, input: { email: string; password: string; clientIp: string; userAgent?: string | null }, now = new Date(), sleep: (ms: number) => Promise<void> = wait) {
  const account = accountThrottleKey(input.email);
  const ip = ipThrottleKey(input.clientIp);
  const accountLock = await countAttempt(db, account, SIGN_IN_LIMITS.account, now);
  const ipLock = await countAttempt(db, ip, SIGN_IN_LIMITS.ip, now);
  // A lock that begins now goes to the audit log (once per lock, not per refused attempt).
  const request = { ip: input.clientIp === "unknown" ? null : input.clientIp, userAgent: input.userAgent ?? null };
  for (const [scope, lock, limit] of [["account", accountLock, SIGN_IN_LIMITS.account], ["ip", ipLock, SIGN_IN_LIMITS.ip]] as const)
    if (lock?.began) await recordSignInLock(db, { scope, email: input.email, lockedUntil: lock.lockedUntil, attempts: limit.attempts, windowMs: limit.windowMs, request });
  const locks = [accountLock, ipLock].flatMap((l) => (l ? [l.lockedUntil] : []));
  if (locks.length) throw new TooManySignInAttemptsError(Math.max(...locks.map((d) => d.getTime())) - now.getTime());
  // Slows before it locks: the wait comes before the password check, so it says nothing about it.
  const delay = await signInDelayFor(db, account, ip);
  if (delay > 0) await sleep(delay);

  const user = await verifyCredentials(db, input.email, input.password);
  if (user) {
    // A success gives its attempt back: the account starts afresh; the address keeps its other
    // failures (one good account must not reset an address that is guessing at others).
    await db.signInThrottle.deleteMany({ where: { key: account } });
    await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${ip} AND "lockedUntil" IS NULL`;
  }
  await forgetStaleEntries(db, now);
  return user;
}

/** The wait of an attempt just counted on these keys (signInDelayMs of their failures in the window). */
async function signInDelayFor(db: DbOrTx, account: string, ip: string): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [account, ip] } }, select: { key: true, failures: true } });
  const failuresOf = (key: string) => rows.find((r) => r.key === key)?.failures ?? 0;
  return signInDelayMs(failuresOf(account), failuresOf(ip));
}

let lastSweep = 0;

/** Entries whose window and lock are over, removed at most once a minute per process. */
async function forgetStaleEntries(db: DbOrTx, now: Date) {
  if (now.getTime() - lastSweep < MINUTE) return;
  lastSweep = now.getTime();
  const longest = Math.max(SIGN_IN_LIMITS.account.windowMs, SIGN_IN_LIMITS.ip.windowMs);
  await db.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - longest) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
}
