// Requests per minute per plan (User.plan) and per client address, on the tRPC API and the capture
// proxy. Defaults below; RATE_LIMITS (env) overrides any of them, or turns limits off. A key's own
// ApiKey.rateLimitPerMinute overrides its owner's plan for calls made with that key.
import { env } from "@/env";

export type Surface = "api" | "proxy";
export type SurfaceLimits = Record<Surface, number>;

/** Every window is one minute: limits read as "requests per minute". */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * The API's defaults leave room for scripts and busy pages; the proxy's are ceilings against a
 * runaway client, far above what one instance carries, because the proxy carries the team's own
 * production traffic: a tighter limit is a key's (ApiKey.rateLimitPerMinute) or RATE_LIMITS' choice.
 */
export const DEFAULT_PLAN_LIMITS: Record<string, SurfaceLimits> = {
  free: { api: 3_000, proxy: 600_000 },
  pro: { api: 12_000, proxy: 3_000_000 },
  enterprise: { api: 60_000, proxy: 12_000_000 },
};

/**
 * Per client address, for callers nobody signed in (anonymous API calls): signed-in callers have
 * their own budgets, and many of them may share one address (an office, a reverse proxy).
 */
export const DEFAULT_IP_LIMITS: SurfaceLimits = { api: 6_000, proxy: 60_000 };

export type RateLimitConfig = { enabled: boolean; plans: Record<string, SurfaceLimits>; ip: SurfaceLimits };

/** The defaults with RATE_LIMITS applied over them (read once per call; env is parsed lazily). */
export function rateLimitConfig(): RateLimitConfig {
  const override = env.RATE_LIMITS;
  if (override === "off") return { enabled: false, plans: DEFAULT_PLAN_LIMITS, ip: DEFAULT_IP_LIMITS };
  const plans: Record<string, SurfaceLimits> = { ...DEFAULT_PLAN_LIMITS };
  for (const [plan, limits] of Object.entries(override?.plans ?? {})) plans[plan] = { ...(plans[plan] ?? DEFAULT_PLAN_LIMITS.free), ...limits };
  return { enabled: true, plans, ip: { ...DEFAULT_IP_LIMITS, ...override?.ip } };
}

/** A plan nobody configured counts as free. */
export function planLimit(config: RateLimitConfig, plan: string | null | undefined, surface: Surface): number {
  return (config.plans[plan ?? "free"] ?? config.plans.free ?? DEFAULT_PLAN_LIMITS.free)[surface];
}
