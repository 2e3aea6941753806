// What an API key may be used for. A key without scopes (every key made before scopes existed)
// may do everything its owner may.
import { z } from "zod";

export const API_KEY_SCOPES = ["read", "write", "proxy", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  read: "Read prompts, versions and analytics through the API.",
  write: "Create and change prompts, versions, comments and settings through the API.",
  proxy: "Send model calls through the capture proxy.",
  admin: "Organisation and instance administration: members, roles, audit log, webhooks.",
};
