// Secrets at rest (users' own provider keys, webhook signing secrets): AES-256-GCM under a key derived from
// PROVIDER_KEY_SECRET, or, when that is unset, from a secret generated once into DATA_DIR (as the
// auth secret is) so keys survive restarts. The stored form is versioned, "v1:<iv>:<tag>:<ct>" in
// base64url, so the scheme can change without guessing. Each box is bound to a context (its owner)
// as additional data: a ciphertext copied onto another row does not open. A wrong secret or a
// damaged box is a SecretBoxError saying so, never garbage. Nothing here logs.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, env } from "@/env";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SECRET_FILE = "provider-key-secret";

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** The secret from the environment, or the one kept in DATA_DIR (created with mode 0600 on first use). */
export function providerKeySecret(): string {
  const fromEnv = env.PROVIDER_KEY_SECRET;
  if (fromEnv) return fromEnv;
  const dir = dataDir();
  const file = join(dir, SECRET_FILE);
  mkdirSync(dir, { recursive: true });
  try {
    // "wx": two processes starting at once (the server, the CLI) never overwrite each other's secret.
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new SecretBoxError(`${file} holds no usable secret (fewer than 32 characters); restore it or set PROVIDER_KEY_SECRET`);
  return secret;
}

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "promptuary", "provider keys v1", 32));
    keys.set(secret, key);
  }
  return key;
}

export type BoxOptions = { context: string; secret?: string };

export function sealSecret(plaintext: string, { context, secret = providerKeySecret() }: BoxOptions): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

export function openSecret(box: string, { context, secret = providerKeySecret() }: BoxOptions): string {
  const parts = box.split(":");
  if (parts[0] !== VERSION) throw new SecretBoxError(`unsupported ciphertext format "${parts[0]?.slice(0, 8) ?? ""}" (expected ${VERSION})`);
  if (parts.length !== 4) throw new SecretBoxError("damaged ciphertext: expected v1:iv:tag:ciphertext");
  const [, ivText, tagText, ctText] = parts;
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("damaged ciphertext: wrong iv or tag length");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ctText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // GCM's check failed: another secret (PROVIDER_KEY_SECRET changed, another DATA_DIR) or a box that was altered.
    throw new SecretBoxError("cannot be decrypted: it was saved under another PROVIDER_KEY_SECRET, or it was altered");
  }
}
