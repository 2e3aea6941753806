import { describe, expect, it } from "vitest";
import { clientIpOf } from "./client-ip";
import { newNonce, pageContentSecurityPolicy, securityHeaders, servedOverTls } from "./security-headers";

describe("security headers", () => {
  it("always forbid sniffing and framing and trim the referrer; HSTS only over TLS", () => {
    const plain = Object.fromEntries(securityHeaders(false));
    expect(plain).toEqual({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(Object.fromEntries(securityHeaders(true))["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(servedOverTls("https")).toBe(true);
    expect(servedOverTls("https, http")).toBe(true);
    expect(servedOverTls("http")).toBe(false);
    expect(servedOverTls(null)).toBe(false);
    expect(servedOverTls(undefined, true)).toBe(true);
  });

  it("give pages a nonce-based policy without inline scripts or eval in production", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = pageContentSecurityPolicy(nonce, { dev: false, tls: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy(nonce, { dev: false, tls: true })).toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy(nonce, { dev: true, tls: false })).toContain("'unsafe-eval'");
  });
});

describe("the client's address", () => {
  it("is the socket's unless proxies are trusted, and then the entry the outermost trusted proxy added", () => {
    expect(clientIpOf("::ffff:10.0.0.9", "6.6.6.6", 0)).toBe("10.0.0.9");
    expect(clientIpOf("10.0.0.1", "6.6.6.6, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientIpOf("10.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
    expect(clientIpOf("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(clientIpOf(undefined, undefined, 0)).toBe("unknown");
  });
});
