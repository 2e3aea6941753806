import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, providerKeySecret, sealSecret, SecretBoxError } from "./secret-box";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const OTHER = "another-secret-that-is-long-enough-9876543210";
const KEY = "sk-live-0123456789abcdefWXYZ";

describe("secret box", () => {
  it("seals in the versioned v1:iv:tag:ct form and opens with the same secret and context", () => {
    const box = sealSecret(KEY, { context: "owner-1", secret: SECRET });
    const parts = box.split(":");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("v1");
    for (const part of parts.slice(1)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1], "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2], "base64url")).toHaveLength(16);
    expect(box).not.toContain(KEY);
    expect(Buffer.from(parts[3], "base64url").toString("utf8")).not.toContain("0123456789");
    expect(openSecret(box, { context: "owner-1", secret: SECRET })).toBe(KEY);
  });

  it("uses a fresh IV each time, so one key never seals to the same text twice", () => {
    const a = sealSecret(KEY, { context: "owner-1", secret: SECRET });
    const b = sealSecret(KEY, { context: "owner-1", secret: SECRET });
    expect(a).not.toBe(b);
    expect(openSecret(b, { context: "owner-1", secret: SECRET })).toBe(KEY);
  });

  it("refuses with a clear error, never garbage: another secret, another context, an altered box", () => {
    const box = sealSecret(KEY, { context: "owner-1", secret: SECRET });
    expect(() => openSecret(box, { context: "owner-1", secret: OTHER })).toThrow(SecretBoxError);
    expect(() => openSecret(box, { context: "owner-1", secret: OTHER })).toThrow(/another PROVIDER_KEY_SECRET/);
    expect(() => openSecret(box, { context: "owner-2", secret: SECRET })).toThrow(SecretBoxError);

    const [v, iv, tag, ct] = box.split(":");
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] ^= 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64url")].join(":"), { context: "owner-1", secret: SECRET })).toThrow(SecretBoxError);
    expect(() => openSecret(["v2", iv, tag, ct].join(":"), { context: "owner-1", secret: SECRET })).toThrow(/unsupported ciphertext format "v2"/);
    expect(() => openSecret([v, iv, ct].join(":"), { context: "owner-1", secret: SECRET })).toThrow(/damaged/);
    expect(() => openSecret([v, "AAAA", tag, ct].join(":"), { context: "owner-1", secret: SECRET })).toThrow(/iv or tag length/);
    // The error never carries the key.
    try {
      openSecret(box, { context: "owner-1", secret: OTHER });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(KEY);
    }
  });

  it("keeps unicode and long keys intact", () => {
    const long = "k".repeat(1000) + "é✓";
    expect(openSecret(sealSecret(long, { context: "c", secret: SECRET }), { context: "c", secret: SECRET })).toBe(long);
  });
});

describe("the provider key secret", () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, PROVIDER_KEY_SECRET: process.env.PROVIDER_KEY_SECRET };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "secret-box-"));
    process.env.DATA_DIR = join(dir, "data");
    delete process.env.PROVIDER_KEY_SECRET;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("is generated once into DATA_DIR with mode 0600 when PROVIDER_KEY_SECRET is unset, and kept", () => {
    const first = providerKeySecret();
    const file = join(dir, "data", "provider-key-secret");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(providerKeySecret()).toBe(first);
    // Sealed under the generated secret by default, and opened by a later call reading the same file.
    const box = sealSecret(KEY, { context: "owner" });
    expect(openSecret(box, { context: "owner" })).toBe(KEY);
  });

  it("comes from PROVIDER_KEY_SECRET when set (and then nothing is written)", () => {
    process.env.PROVIDER_KEY_SECRET = SECRET;
    expect(providerKeySecret()).toBe(SECRET);
    expect(() => statSync(join(dir, "data", "provider-key-secret"))).toThrow();
    const box = sealSecret(KEY, { context: "owner" });
    expect(openSecret(box, { context: "owner", secret: SECRET })).toBe(KEY);
    process.env.PROVIDER_KEY_SECRET = OTHER;
    expect(() => openSecret(box, { context: "owner" })).toThrow(SecretBoxError);
  });

  it("refuses a PROVIDER_KEY_SECRET shorter than 32 characters", () => {
    process.env.PROVIDER_KEY_SECRET = "too-short";
    expect(() => providerKeySecret()).toThrow(/PROVIDER_KEY_SECRET must be at least 32 characters/);
  });
});
