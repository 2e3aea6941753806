// The fields of a user's own model provider (Settings), as the API validates them and as the form
// checks them before sending: one declaration for both, so the browser catches what the server refuses.
import { z } from "zod";

export const PROVIDER_KINDS = ["openai", "anthropic", "openai-compatible"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "openai-compatible": "OpenAI-compatible",
};

/** Where each kind usually lives: the official APIs, and Ollama's port for a compatible server. */
export const DEFAULT_BASE_URLS: Record<ProviderKind, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
  "openai-compatible": "http://localhost:11434/v1",
};

/** The instance's built-in providers; a user's provider may not take these names (nor HARNESS_PROVIDERS ones). */
export const BUILT_IN_PROVIDER_NAMES = ["openai", "anthropic"] as const;

export const MAX_PROVIDER_MODELS = 100;
/** Each user may keep this many providers of their own. */
export const MAX_OWN_PROVIDERS = 20;

const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const providerNameSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(40, "is at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "uses lowercase letters, digits, - and _ only (starting with a letter or digit)")
  .refine((n) => !(BUILT_IN_PROVIDER_NAMES as readonly string[]).includes(n), "is taken by a built-in provider (openai, anthropic)");

export const providerModelIdSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "is at most 200 characters")
  .regex(/^\S+$/, "must not contain spaces");

export const providerFields = z
  .object({
    name: providerNameSchema,
    kind: z.enum(PROVIDER_KINDS, { error: "must be openai, anthropic or openai-compatible" }),
    /** Left out for openai and anthropic: their official API. */
    baseUrl: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .trim()
        .max(500, "is at most 500 characters")
        .regex(/^https?:\/\/[^\s/?#]+/i, "must be an http(s) URL like http://localhost:11434/v1")
        .refine((u) => URL.canParse(u), "must be an http(s) URL like http://localhost:11434/v1")
        .optional(),
    ),
    /** Sent in a header, so printable ASCII without spaces. */
    apiKey: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .trim()
        .max(1000, "is at most 1000 characters")
        .regex(/^[\x21-\x7e]+$/, "must be printable characters without spaces")
        .optional(),
    ),
    /** Models to offer when the server has no model list; when given, they are the provider's catalogue. */
    models: z
      .array(providerModelIdSchema)
      .max(MAX_PROVIDER_MODELS, `are at most ${MAX_PROVIDER_MODELS}`)
      .refine((ids) => new Set(ids).size === ids.length, "must not name a model twice")
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "openai-compatible" && !p.baseUrl) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "is required for an OpenAI-compatible server" });
    if (p.kind !== "openai-compatible" && !p.apiKey) ctx.addIssue({ code: "custom", path: ["apiKey"], message: `is required for ${PROVIDER_KIND_LABELS[p.kind]}` });
  });
export type ProviderFieldsInput = z.input<typeof providerFields>;
export type ProviderFields = z.output<typeof providerFields>;

/** The form's model ids box: one per line or separated by commas. */
export function parseModelIds(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What the owner sees of a saved key: its last four characters, and only when the key is long enough to keep the rest hidden. */
export function keyHintOf(key: string): string | null {
  return key.length >= 12 ? key.slice(-4) : null;
}
