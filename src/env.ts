// The only place that reads process.env. Everything optional has a default that works
// in the embedded mode (no DATABASE_URL, no keys).
import { resolve } from "node:path";
import { z } from "zod";

/** An empty variable (FOO=) means unset, as in most tools. */
const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const harnessProvidersSchema = z
  .array(
    z.object({
      name: z
        .string({ error: "name is required" })
        .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "name must be 1-40 lowercase letters, digits, - or _")
        .refine((n) => n !== "openai" && n !== "anthropic", "name must not be openai or anthropic (those are built in)"),
      baseUrl: z.string({ error: "baseUrl is required" }).url("baseUrl must be a URL like http://localhost:11434/v1"),
      apiKey: z.string().min(1, "apiKey must not be empty (leave it out instead)").optional(),
      /** Models to offer when the server has no model list; when given, they are its catalogue. */
      models: z.array(z.string().min(1, "models must be non-empty model ids"), { error: "models must be an array of model ids" }).max(100, "models has at most 100 ids").optional(),
    }),
    { error: "HARNESS_PROVIDERS must be a JSON array" },
  )
  .refine((list) => new Set(list.map((p) => p.name)).size === list.length, "provider names must be unique");

const TEMPLATE_THRESHOLD_ERROR = "TEMPLATE_THRESHOLD must be a number above 0 and at most 1, like 0.8";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  /** Set by the server for its own process once the embedded database is up. */
  PROMPTUARY_EMBEDDED_DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  APP_URL: z.string().url("APP_URL must be a URL like http://localhost:3000").optional(),
  /** HTTP worker processes `npm start` runs (default: one per core); 1 serves from the one process that owns the database. */
  WEB_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number({ error: "WEB_CONCURRENCY must be a whole number of workers" }).int("WEB_CONCURRENCY must be a whole number of workers").min(1, "WEB_CONCURRENCY must be at least 1").max(64, "WEB_CONCURRENCY must be at most 64").optional()),
  /** Reads (pages, API queries, cache hits) one HTTP process handles at once; the rest wait in line (http/read-gate.ts; 0: no limit). */
  READ_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number({ error: "READ_CONCURRENCY must be a whole number of requests" }).int("READ_CONCURRENCY must be a whole number of requests").min(0, "READ_CONCURRENCY must be 0 (no limit) or more").max(1000, "READ_CONCURRENCY must be at most 1000").default(4)),
  /** How long what anonymous visitors see is served from the page cache, in ms (0: off). Writes through this server empty it at once. */
  PAGE_CACHE_TTL_MS: z.preprocess(emptyAsUnset, z.coerce.number({ error: "PAGE_CACHE_TTL_MS must be a number of milliseconds" }).int("PAGE_CACHE_TTL_MS must be a whole number of milliseconds").min(0, "PAGE_CACHE_TTL_MS must be 0 (off) or more").max(60_000, "PAGE_CACHE_TTL_MS must be at most 60000 (the cache is meant to be short-lived)").default(30_000)),
  /** How many reverse proxies in front of the server append to X-Forwarded-For (0: the socket's address is the client's). */
  TRUST_PROXY: z.coerce.number({ error: "TRUST_PROXY must be a whole number of proxies (0, 1, …)" }).int("TRUST_PROXY must be a whole number of proxies (0, 1, …)").min(0, "TRUST_PROXY must be a whole number of proxies (0, 1, …)").default(0),
  /** Background jobs go to Inngest when one of these is set; otherwise they run in-process. */
  INNGEST_EVENT_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  INNGEST_DEV: z.preprocess(emptyAsUnset, z.string().optional()),
  INNGEST_BASE_URL: z.preprocess(emptyAsUnset, z.string().url("INNGEST_BASE_URL must be a URL").optional()),
  /** Where the capture proxy forwards /api/proxy/openai/v1/… (any OpenAI-compatible server). */
  OPENAI_BASE_URL: z.string().url("OPENAI_BASE_URL must be a URL like https://api.openai.com/v1").default("https://api.openai.com/v1"),
  /** Where the capture proxy forwards /api/proxy/anthropic/v1/…. */
  ANTHROPIC_BASE_URL: z.string().url("ANTHROPIC_BASE_URL must be a URL like https://api.anthropic.com/v1").default("https://api.anthropic.com/v1"),
  /** Prompt identity's embedder: "local" (default, offline) or "openai" (default when OPENAI_API_KEY is set). */
  EMBEDDING_PROVIDER: z.enum(["local", "openai"], { error: "EMBEDDING_PROVIDER must be local or openai" }).optional(),
  /** The key for OpenAI embeddings and the test harness's built-in `openai` provider (which calls OPENAI_BASE_URL). */
  OPENAI_API_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  /** The key for the test harness's built-in `anthropic` provider (which calls ANTHROPIC_BASE_URL). */
  ANTHROPIC_API_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Extra OpenAI-compatible servers for the test harness, as JSON: [{"name":"ollama","baseUrl":"http://localhost:11434/v1","models":["llama3.2"]}]. */
  HARNESS_PROVIDERS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return [];
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: 'HARNESS_PROVIDERS must be JSON like [{"name":"ollama","baseUrl":"http://localhost:11434/v1","apiKey":"optional"}]' });
        return z.NEVER;
      }
      const parsed = harnessProvidersSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        ctx.addIssue({ code: "custom", message: `HARNESS_PROVIDERS${issue.path.map((p) => `[${JSON.stringify(p)}]`).join("")}: ${issue.message}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Encrypts users' own provider keys at rest (AES-256-GCM); generated once into DATA_DIR when unset. */
  PROVIDER_KEY_SECRET: z.preprocess(emptyAsUnset, z.string().min(32, "PROVIDER_KEY_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  /** How long one model may take to answer in a harness run before its cell is failed, in ms. */
  HARNESS_TIMEOUT_MS: z.coerce.number({ error: "HARNESS_TIMEOUT_MS must be a number of milliseconds" }).int().min(100, "HARNESS_TIMEOUT_MS must be at least 100").default(60_000),
  /** Most rows one harness batch may have (a bigger upload is refused before anything is stored). */
  HARNESS_BATCH_MAX_ROWS: z.coerce.number({ error: "HARNESS_BATCH_MAX_ROWS must be a whole number" }).int("HARNESS_BATCH_MAX_ROWS must be a whole number").min(1, "HARNESS_BATCH_MAX_ROWS must be at least 1").default(5000),
  /** Calls a batch makes at the same time to one provider (shared by every batch in the process). */
  HARNESS_BATCH_CONCURRENCY: z.coerce.number({ error: "HARNESS_BATCH_CONCURRENCY must be a whole number" }).int("HARNESS_BATCH_CONCURRENCY must be a whole number").min(1, "HARNESS_BATCH_CONCURRENCY must be at least 1").max(500, "HARNESS_BATCH_CONCURRENCY must be at most 500").default(10),
  OPENAI_EMBEDDINGS_BASE_URL: z.string().url("OPENAI_EMBEDDINGS_BASE_URL must be a URL like https://api.openai.com/v1").default("https://api.openai.com/v1"),
  /** Stripe: paid checkout is enabled when the secret key is set; webhooks need the signing secret. */
  STRIPE_SECRET_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Point the Stripe SDK at another server (host, port and protocol), e.g. http://127.0.0.1:12111. */
  STRIPE_API_URL: z.preprocess(emptyAsUnset, z.string().url("STRIPE_API_URL must be a URL like https://api.stripe.com").optional()),
  /** The marketplace's cut of each sale, in percent. */
  PLATFORM_FEE_PERCENT: z.coerce.number().min(0, "PLATFORM_FEE_PERCENT must be between 0 and 100").max(100, "PLATFORM_FEE_PERCENT must be between 0 and 100").default(20),
  /** Raw usage events are kept this many days once rolled up (the hourly and daily rollups stay). */
  ANALYTICS_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number({ error: "ANALYTICS_RETENTION_DAYS must be a whole number of days" }).int("ANALYTICS_RETENTION_DAYS must be a whole number of days").min(31, "ANALYTICS_RETENTION_DAYS must be at least 31 (trending reads 30 days of events)").max(3650, "ANALYTICS_RETENTION_DAYS must be at most 3650").default(90)),
  /** Outgoing webhooks may go to loopback, private and link-local addresses (tests, e2e, a private network); off by default (SSRF). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.preprocess(emptyAsUnset, z.enum(["true", "false"], { error: "WEBHOOK_ALLOW_PRIVATE_URLS must be true or false" }).default("false")).transform((v) => v === "true"),
  /** Rate-limit counts shared through Redis instead of PostgreSQL (redis://[user:password@]host:port[/db]). */
  REDIS_URL: z.preprocess(emptyAsUnset, z.string().regex(/^rediss?:\/\/.+/, "REDIS_URL must be a redis:// or rediss:// URL").optional()),
  /** Template induction: captured prompts join a template's cluster at this similarity or above (0..1). */
  TEMPLATE_THRESHOLD: z.preprocess(emptyAsUnset, z.coerce.number({ error: TEMPLATE_THRESHOLD_ERROR }).gt(0, TEMPLATE_THRESHOLD_ERROR).max(1, TEMPLATE_THRESHOLD_ERROR).default(0.8)),
  /**
   * Requests per minute, as JSON overriding the defaults in domain/rate-limits/rate-limit-plans.ts:
   * {"plans":{"free":{"api":3000,"proxy":600000}},"ip":{"api":6000,"proxy":60000}}; "off" turns limits off.
   */
  RATE_LIMITS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      if (raw.trim() === "off") return "off" as const;
      const perMinute = z.number().int().min(1).max(100_000_000);
      const limits = z.object({ api: perMinute.optional(), proxy: perMinute.optional() }).strict();
      const parsed = z.object({ plans: z.record(z.string().regex(/^[a-z0-9_-]{1,40}$/), limits).optional(), ip: limits.optional() }).strict().safeParse((() => { try { return JSON.parse(raw); } catch { return null; } })());
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: 'RATE_LIMITS must be "off" or JSON like {"plans":{"free":{"api":3000,"proxy":600000}},"ip":{"api":6000,"proxy":60000}} (whole requests per minute, at least 1)' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Per-model identity thresholds as JSON, e.g. {"local-ngram-256":{"same":0.95,"variant":0.7}}. */
  IDENTITY_THRESHOLDS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      const parsed = z.record(z.string(), z.object({ same: z.number().min(0).max(1), variant: z.number().min(0).max(1) }).refine((t) => t.variant <= t.same, "variant must not exceed same")).safeParse((() => { try { return JSON.parse(raw); } catch { return null; } })());
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: 'IDENTITY_THRESHOLDS must be JSON like {"local-ngram-256":{"same":0.95,"variant":0.7}}' });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The environment as last parsed, and the raw value of each variable it was parsed from. */
let parsed: { env: Env; raw: Map<string, string | undefined> } | undefined;

/**
 * Read lazily so scripts can set variables (AUTH_SECRET, the embedded URL) before first use, and
 * parsed again when a variable read has changed since (tests set them as they go). Each variable's
 * value depends on its own text only, so comparing the one asked for is enough; parsing all of
 * them on every read cost ~27 µs, dozens of times per request.
 */
export const env = new Proxy({} as Env, {
  get: (_t, key: string) => {
    const raw = process.env[key];
    if (!parsed || parsed.raw.get(key) !== raw) {
      const fresh = load();
      parsed = { env: fresh, raw: new Map(Object.keys(schema.shape).map((name) => [name, process.env[name]])) };
    }
    return parsed.env[key as keyof Env];
  },
});

export const dataDir = () => resolve(env.DATA_DIR);
export const githubSignInEnabled = () => Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
