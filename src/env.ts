// The only place that reads process.env. Everything optional has a default that works
// in the embedded mode (no DATABASE_URL, no keys).
import { resolve } from "node:path";
import { z } from "zod";

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

/** Read lazily so scripts can set variables (AUTH_SECRET, the embedded URL) before first use. */
export const env = new Proxy({} as Env, { get: (_t, key: string) => load()[key as keyof Env] });

export const dataDir = () => resolve(env.DATA_DIR);
export const githubSignInEnabled = () => Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
