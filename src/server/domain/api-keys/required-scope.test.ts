import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../errors";
import { assertKeyScope, requiredScope } from "./required-scope";

describe("the scope a tRPC call needs", () => {
  it("read for queries, write for mutations, admin for key, organisation, audit and webhook management and account credentials", () => {
    expect(requiredScope("prompt.bySlug", "query")).toBe("read");
    expect(requiredScope("prompt.create", "mutation")).toBe("write");
    expect(requiredScope("apiKey.list", "query")).toBe("admin");
    expect(requiredScope("apiKey.create", "mutation")).toBe("admin");
    expect(requiredScope("org.members", "query")).toBe("admin");
    expect(requiredScope("audit.list", "query")).toBe("admin");
    expect(requiredScope("webhook.create", "mutation")).toBe("admin");
    expect(requiredScope("user.changePassword", "mutation")).toBe("admin");
    expect(requiredScope("user.updateProfile", "mutation")).toBe("write");
    expect(requiredScope("analytics.admin", "query", true)).toBe("admin");
  });

  it("lets a key without scopes do everything, and names the missing scope otherwise", () => {
    expect(() => assertKeyScope([], "admin")).not.toThrow();
    expect(() => assertKeyScope(["read", "write"], "write")).not.toThrow();
    const refusal = (() => {
      try {
        assertKeyScope(["read"], "write");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect((refusal as ForbiddenError).message).toContain('lacks the "write" scope (it has: read)');
  });
});
