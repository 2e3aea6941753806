// The tRPC API's rate limit, applied once per HTTP request after the caller is known: each call of a
// batch counts. Over a limit, every call of the request is refused with 429 (TOO_MANY_REQUESTS) and
// the RateLimit-* / Retry-After headers (http-handler.ts reads them from here).
import "server-only";
import { TRPCError } from "@trpc/server";
import { limitApiCall, processRateLimiter } from "@/server/domain/rate-limits/rate-limits";
import type { BatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import { RateLimitedError } from "@/server/domain/rate-limits/rate-limited-error";
import type { RateLimitConfig } from "@/server/domain/rate-limits/rate-limit-plans";
import { callsInRequest } from "@/server/http/trpc-calls";
import type { Context } from "./trpc";


export async function withApiRateLimit(ctx: Context, req: Request, endpoint: string, opts: { limiter?: BatchedLimiter; config?: RateLimitConfig } = {}): Promise<Context> {
  const decision = await limitApiCall(
    ctx.db,
    opts.limiter ?? processRateLimiter(ctx.db),
    { userId: ctx.viewer?.id ?? null, apiKeyId: ctx.apiKey?.id ?? null, ip: ctx.request?.ip ?? null, points: callsInRequest(req.url, endpoint) },
    opts.config,
  );
  if (!decision) return ctx;
  if (!decision.allowed) {
    const cause = new RateLimitedError(decision);
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
  }
  return { ...ctx, rateLimit: decision };
}
