import { describe, expect, it, vi } from "vitest";
import { createCachedAuthenticator } from "./cached-authenticator";

describe("createCachedAuthenticator", () => {
  it("looks a key up once per TTL, sharing concurrent lookups", async () => {
    let t = 0;
    const lookup = vi.fn(async (key: string) => (key === "good" ? { ownerId: "u1", apiKeyId: null } : null));
    const auth = createCachedAuthenticator(lookup, { ttlMs: 30_000, now: () => t });
    await Promise.all([auth("good"), auth("good"), auth("bad")]);
    expect(await auth("good")).toEqual({ ownerId: "u1", apiKeyId: null });
    expect(await auth("bad")).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(2);
    t = 30_001;
    await auth("good");
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it("does not remember a failed lookup", async () => {
    const lookup = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue({ ownerId: "u1", apiKeyId: null });
    const auth = createCachedAuthenticator(lookup);
    await expect(auth("k")).rejects.toThrow("db down");
    expect(await auth("k")).toEqual({ ownerId: "u1", apiKeyId: null });
  });
});
