// API keys: shown once at creation, stored as a SHA-256 hash (keys are 190 random bits, so a
// fast hash is safe and lets us look them up directly); the prefix stays visible for recognition.
// A key may carry scopes (none: everything its owner may do), an expiry, and its own rate limit.
// Rotation issues a new key with the same name, scopes and limit, and lets the old one work until
// the end of a grace period (its expiry). Creation, rotation and revocation are audited.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { ApiKeyScope } from "@/shared/governance/api-key-scopes";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";

const KEY_PREFIX = "pq_";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HOUR = 3_600_000;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");
export const looksLikeApiKey = (value: string) => /^pq_[A-Za-z0-9]{32}$/.test(value);

function generateKey() {
  const bytes = randomBytes(32);
  return KEY_PREFIX + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

const keySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  rateLimitPerMinute: true,
  rotatedToId: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

/** "read, write" or "all scopes" (an empty list), for audit entries. */
const scopeText = (scopes: readonly string[]) => (scopes.length ? scopes.join(", ") : "all scopes");

function futureOrRefuse(expiresAt: Date | undefined, now: Date): Date | null {
  if (!expiresAt) return null;
  if (expiresAt.getTime() <= now.getTime()) throw new ValidationError("expiresAt: must be in the future", { expiresAt: ["must be in the future"] });
  return expiresAt;
}

/** The key a request was authenticated with (absent for a session): it may grant no more than it has. */
type CallingKey = { scopes: readonly string[] } | null;

/**
 * The scopes a new key gets: a key-authenticated call grants at most the calling key's own scopes
 * (an empty list is every scope), so an `admin`-only key cannot mint an all-powerful one. Asked for
 * none, such a call passes on the caller's scopes.
 */
export function grantableScopes(requested: readonly string[] | undefined, callingKey: CallingKey): string[] {
  const asked = [...new Set(requested ?? [])];
  const held = callingKey?.scopes ?? [];
  if (!callingKey || held.length === 0) return asked;
  if (asked.length === 0) return [...held];
  const beyond = asked.filter((s) => !held.includes(s));
  if (beyond.length) throw new ForbiddenError(`scopes: this API key has only ${held.join(", ")}, so it cannot grant ${beyond.join(", ")}. Use a key with those scopes, or sign in.`);
  return asked;
}

export async function createApiKey(
  db: Db,
  actor: Actor,
  input: { name: string; scopes?: ApiKeyScope[]; expiresAt?: Date; rateLimitPerMinute?: number },
  request: RequestMeta | null = null,
  callingKey: CallingKey = null,
  now = new Date(),
) {
  const expiresAt = futureOrRefuse(input.expiresAt, now);
  const scopes = grantableScopes(input.scopes, callingKey);
  const key = generateKey();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { userId: actor.id, name: input.name, prefix: key.slice(0, 11), hash: hashApiKey(key), scopes, expiresAt, rateLimitPerMinute: input.rateLimitPerMinute ?? null },
      select: keySelect,
    });
    await recordAudit(tx, {
      actor,
      action: "apiKey.create",
      target: { type: "apiKey", id: created.id },
      to: `${created.prefix}… (${scopeText(scopes)}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ""})`,
      request,
      details: { name: created.name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ...row, key };
}

export async function listApiKeys(db: DbOrTx, actor: Actor) {
  return db.apiKey.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, select: keySelect, take: 100 });
}

export async function revokeApiKey(db: Db, actor: Actor, input: { id: string }, request: RequestMeta | null = null) {
  const key = await db.apiKey.findFirst({ where: { id: input.id, userId: actor.id }, select: { id: true, prefix: true, revokedAt: true } });
  if (!key) throw new NotFoundError("API key");
  if (key.revokedAt) return db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: keySelect });
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: keySelect });
    await recordAudit(tx, { actor, action: "apiKey.revoke", target: { type: "apiKey", id: key.id }, from: "active", to: "revoked", request, details: { prefix: key.prefix } });
    return revoked;
  });
}

/**
 * A new key (shown once) with the old one's name, scopes and limit; the old key keeps working
 * until `graceHours` from now (0: stops at once), or its own earlier expiry. A revoked, expired or
 * already rotated key cannot be rotated (rotate its replacement instead).
 */
export async function rotateApiKey(db: Db, actor: Actor, input: { id: string; graceHours: number }, request: RequestMeta | null = null, callingKey: CallingKey = null, now = new Date()) {
  const old = await db.apiKey.findFirst({ where: { id: input.id, userId: actor.id }, select: { ...keySelect } });
  if (!old) throw new NotFoundError("API key");
  // The replacement keeps the old key's scopes, which must be within the calling key's (none = all).
  if (callingKey?.scopes.length && (old.scopes.length === 0 || old.scopes.some((s) => !callingKey.scopes.includes(s)))) {
    throw new ForbiddenError(`scopes: this API key has only ${callingKey.scopes.join(", ")}, so it cannot rotate a key with ${scopeText(old.scopes)}. Use a key with those scopes, or sign in.`);
  }
  if (old.revokedAt) throw new ConflictError("This API key is revoked; create a new key instead.");
  if (old.rotatedToId) throw new ConflictError("This API key was already rotated; rotate its replacement instead.");
  if (old.expiresAt && old.expiresAt <= now) throw new ConflictError("This API key has expired; create a new key instead.");
  const graceEnd = new Date(now.getTime() + input.graceHours * HOUR);
  const oldEnd = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  const key = generateKey();
  return db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { userId: actor.id, name: old.name, prefix: key.slice(0, 11), hash: hashApiKey(key), scopes: old.scopes, expiresAt: old.expiresAt && old.expiresAt > graceEnd ? old.expiresAt : null, rateLimitPerMinute: old.rateLimitPerMinute },
      select: keySelect,
    });
    // Only if nobody rotated it meanwhile: one key, one replacement.
    const { count } = await tx.apiKey.updateMany({ where: { id: old.id, rotatedToId: null, revokedAt: null }, data: { rotatedToId: created.id, expiresAt: oldEnd } });
    if (count !== 1) throw new ConflictError("This API key was rotated or revoked meanwhile; reload your keys.");
    await recordAudit(tx, {
      actor,
      action: "apiKey.rotate",
      target: { type: "apiKey", id: old.id },
      from: `${old.prefix}…`,
      to: `${created.prefix}…`,
      request,
      details: { newKeyId: created.id, oldKeyWorksUntil: oldEnd.toISOString(), graceHours: input.graceHours },
    });
    return { ...created, key, replaced: { id: old.id, prefix: old.prefix, worksUntil: oldEnd } };
  });
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** A key's owner and everything its checks need, as the database has it now. */
export type ResolvedApiKey = {
  actor: Actor;
  apiKeyId: string;
  scopes: string[];
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
  plan: string;
};

/** Said to a client whose key expired (on the API and the proxy). */
export const expiredKeyMessage = (expiresAt: Date) => `This API key expired at ${expiresAt.toISOString()}; create a new key (or rotate before expiry) in Settings.`;

/**
 * The key's owner and the key, or null for an unknown or revoked key. An expired key is returned
 * (the caller refuses it with expiredKeyMessage, which says why). Records the last use at minute
 * granularity, so a busy key does not write on every request.
 */
export async function lookUpApiKey(db: DbOrTx, key: string, now = new Date()): Promise<ResolvedApiKey | null> {
  if (!looksLikeApiKey(key)) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, revokedAt: true, lastUsedAt: true, scopes: true, expiresAt: true, rateLimitPerMinute: true, user: { select: { id: true, handle: true, role: true, plan: true } } },
  });
  if (!row || row.revokedAt) return null;
  const expired = row.expiresAt !== null && row.expiresAt <= now;
  if (!expired && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS)) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { plan, ...actor } = row.user;
  return { actor, apiKeyId: row.id, scopes: row.scopes, expiresAt: row.expiresAt, rateLimitPerMinute: row.rateLimitPerMinute, plan };
}

/** The key's owner and the key (tRPC context): null for an unknown or revoked key; 401 saying so for an expired one. */
export async function resolveApiKey(db: DbOrTx, key: string, now = new Date()): Promise<ResolvedApiKey | null> {
  const resolved = await lookUpApiKey(db, key, now);
  if (resolved?.expiresAt && resolved.expiresAt <= now) throw new UnauthorizedError(expiredKeyMessage(resolved.expiresAt));
  return resolved;
}

/** The key's owner, or null for an unknown, revoked or expired key. */
export async function authenticateApiKey(db: DbOrTx, key: string, now = new Date()): Promise<Actor | null> {
  const resolved = await lookUpApiKey(db, key, now);
  if (!resolved || (resolved.expiresAt && resolved.expiresAt <= now)) return null;
  return resolved.actor;
}
