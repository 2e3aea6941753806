// Which scope a tRPC call made with an API key needs: queries read, mutations write; organisation,
// audit, webhook and key management, account credentials and admin-tier procedures need admin (so a
// key limited to read or write can neither mint an unlimited key nor take over the account). A key
// without scopes may do everything (keys made before scopes existed). The proxy needs proxy.
import type { ApiKeyScope } from "@/shared/governance/api-key-scopes";
import { ForbiddenError } from "../errors";

/** Routers every procedure of which needs the admin scope. */
const ADMIN_ROUTERS = new Set(["org", "audit", "webhook", "apiKey"]);
/** Single procedures that need the admin scope: the account's credentials and its deletion. */
const ADMIN_PROCEDURES = new Set(["user.changePassword", "user.changeEmail", "user.deleteAccount", "user.exportData"]);

export function requiredScope(path: string, type: "query" | "mutation" | "subscription", adminTier = false): ApiKeyScope {
  if (adminTier || ADMIN_ROUTERS.has(path.split(".")[0]) || ADMIN_PROCEDURES.has(path)) return "admin";
  return type === "mutation" ? "write" : "read";
}

/** 403 naming the scope when a scoped key lacks it. */
export function assertKeyScope(scopes: readonly string[], needed: ApiKeyScope): void {
  if (scopes.length === 0 || scopes.includes(needed)) return;
  throw new ForbiddenError(`This API key lacks the "${needed}" scope (it has: ${scopes.join(", ")}). Create a key with the "${needed}" scope in Settings.`);
}
