import { afterEach, describe, expect, it, vi } from "vitest";

// env is read when the module loads: each case loads it afresh under its own environment.
async function originFor(headers: Record<string, string>, envVars: Record<string, string | undefined> = {}) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  vi.doMock("next/headers", () => ({ headers: async () => new Headers() }));
  const { originFromHeaders } = await import("./site-origin");
  return originFromHeaders(new Headers(headers));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the site's origin", () => {
  it("is the host the browser used, over http for loopback and private addresses", async () => {
    expect(await originFor({ host: "127.0.0.1:3000" })).toBe("http://127.0.0.1:3000");
    expect(await originFor({ host: "localhost:3000" })).toBe("http://localhost:3000");
    expect(await originFor({ host: "192.168.1.20:3000" })).toBe("http://192.168.1.20:3000");
    expect(await originFor({ host: "prompts.example.com" })).toBe("https://prompts.example.com");
  });

  it("ignores X-Forwarded-Host and -Proto unless a proxy is trusted", async () => {
    const forwarded = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(await originFor(forwarded, { TRUST_PROXY: "0" })).toBe("http://127.0.0.1:3000");
    expect(await originFor(forwarded, { TRUST_PROXY: "1" })).toBe("https://evil.example");
  });

  it("is APP_URL when set", async () => {
    expect(await originFor({ host: "127.0.0.1:3000" }, { APP_URL: "https://prompts.example.com/" })).toBe("https://prompts.example.com");
  });
});
