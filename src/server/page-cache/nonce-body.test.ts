import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { newNonce } from "@/server/http/security-headers";
import { gzipWithNonce, toNonceBody, withNonce } from "./nonce-body";

const page = (nonce: string) =>
  `<!DOCTYPE html><html><head><script nonce="${nonce}">1</script></head><body>${"<p>Prompts worth keeping.</p>".repeat(200)}` +
  `<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`;

describe("a cached body served with a fresh nonce", () => {
  test("every occurrence of the rendered nonce is replaced, nothing else changes", () => {
    const old = newNonce();
    const fresh = newNonce();
    const body = toNonceBody(Buffer.from(page(old)), old);
    expect(body.parts).toHaveLength(4);
    const served = withNonce(body, fresh).toString();
    expect(served).toBe(page(fresh));
    expect(served).not.toContain(old);
  });

  test("the gzip encoding decodes to exactly the plain bytes, for each new nonce", () => {
    const old = newNonce();
    const body = toNonceBody(Buffer.from(page(old)), old);
    for (let i = 0; i < 3; i++) {
      const fresh = newNonce();
      const gz = gzipWithNonce(body, fresh)!;
      expect(gunzipSync(gz).toString()).toBe(page(fresh));
      expect(gz.length).toBeLessThan(body.length / 5);
    }
  });

  test("a body without a nonce is served as it is; a small one is not compressed", () => {
    const json = Buffer.from(JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ slug: `prompt-${i}` })) }));
    const body = toNonceBody(json, null);
    expect(withNonce(body, null).equals(json)).toBe(true);
    expect(gunzipSync(gzipWithNonce(body, null)!).equals(json)).toBe(true);
    expect(gzipWithNonce(toNonceBody(Buffer.from("{}"), null), null)).toBeNull();
  });
});
