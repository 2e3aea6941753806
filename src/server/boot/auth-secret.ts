// AUTH_SECRET signs session cookies. When it is not set, one is generated once and kept under
// DATA_DIR so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const dir = resolve(process.env.DATA_DIR ?? ".data");
  const file = join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
