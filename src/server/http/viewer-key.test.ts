import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "./client-ip";
import { anonymousViewerKey, viewerKeyFromHeaders, viewerKeyOfNodeRequest } from "./viewer-key";

describe("anonymous viewer keys", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is one key per address and agent, the same from a fetch request and a node:http one, without the address in it", () => {
    vi.stubEnv("AUTH_SECRET", "a-secret-of-at-least-16-chars");
    const key = anonymousViewerKey("203.0.113.7", "Firefox");
    expect(key).toMatch(/^anon:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain("203");
    expect(anonymousViewerKey("203.0.113.7", "Firefox")).toBe(key);
    expect(anonymousViewerKey("203.0.113.8", "Firefox")).not.toBe(key);
    expect(anonymousViewerKey("203.0.113.7", "Chrome")).not.toBe(key);
    expect(viewerKeyFromHeaders(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7", "user-agent": "Firefox" }))).toBe(key);
    expect(viewerKeyOfNodeRequest({ headers: { [CLIENT_IP_HEADER]: "203.0.113.7", "user-agent": "Firefox" } })).toBe(key);
  });

  it("depends on the server's secret, so a key cannot be traced back by hashing every address", () => {
    vi.stubEnv("AUTH_SECRET", "a-secret-of-at-least-16-chars");
    const one = anonymousViewerKey("203.0.113.7", "Firefox");
    vi.stubEnv("AUTH_SECRET", "another-secret-of-16-chars");
    expect(anonymousViewerKey("203.0.113.7", "Firefox")).not.toBe(one);
  });
});
