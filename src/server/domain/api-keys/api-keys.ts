// API keys: shown once at creation, stored as a SHA-256 hash (keys are 190 random bits, so a
// fast hash is safe and lets us look them up directly); the prefix stays visible for recognition.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

const KEY_PREFIX = "pq_";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");
export const looksLikeApiKey = (value: string) => /^pq_[A-Za-z0-9]{32}$/.test(value);

function generateKey() {
  const bytes = randomBytes(32);
  return KEY_PREFIX + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

const keySelect = { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

export async function createApiKey(db: DbOrTx, actor: Actor, input: { name: string }) {
  const key = generateKey();
  const row = await db.apiKey.create({
    data: { userId: actor.id, name: input.name, prefix: key.slice(0, 11), hash: hashApiKey(key) },
    select: keySelect,
  });
  return { ...row, key };
}

export async function listApiKeys(db: DbOrTx, actor: Actor) {
  return db.apiKey.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, select: keySelect, take: 100 });
}

export async function revokeApiKey(db: Db, actor: Actor, input: { id: string }) {
  const key = await db.apiKey.findFirst({ where: { id: input.id, userId: actor.id }, select: { id: true, revokedAt: true } });
  if (!key) throw new NotFoundError("API key");
  return db.apiKey.update({ where: { id: key.id }, data: { revokedAt: key.revokedAt ?? new Date() }, select: keySelect });
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** The key's owner, or null for an unknown or revoked key. */
export async function authenticateApiKey(db: DbOrTx, key: string): Promise<Actor | null> {
  return (await resolveApiKey(db, key))?.actor ?? null;
}

/** The key's owner and the key's own id (captures record which key made the call). */
export async function resolveApiKey(db: DbOrTx, key: string): Promise<{ actor: Actor; apiKeyId: string; scopes: string[] } | null> {
  if (!looksLikeApiKey(key)) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, revokedAt: true, lastUsedAt: true, scopes: true, user: { select: { id: true, handle: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  // Recorded at minute granularity so a busy key does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { actor: row.user, apiKeyId: row.id, scopes: row.scopes };
}
