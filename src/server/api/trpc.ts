// tRPC context, error mapping and procedure tiers. Routers stay thin: input schema + one domain call.
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { apiTransformer } from "./input-transformer";
import { ZodError, ZodRealError } from "zod";
import type { Db } from "@/server/db/prisma";
import type { Viewer } from "@/server/domain/actor";
import type { UsageOrigin } from "@/server/domain/analytics/usage-origin";
import type { RequestMeta } from "@/server/domain/audit/record-audit";
import { assertKeyScope, requiredScope } from "@/server/domain/api-keys/required-scope";
import { DomainError } from "@/server/domain/errors";
import type { RateLimitState } from "@/server/http/rate-limit-headers";
import { findUnstorableText } from "@/shared/text/storable-text";

/**
 * origin: where users reach the app (for links such as Stripe's return URLs); absent in direct callers.
 * sessionFromForeignOrigin: set (to the refusal's message) when the viewer comes from the session
 * cookie on a request another site's page sent (http/request-origin.ts); its mutations are refused.
 * usage: where the request came from for usage events (web or an API key, and the viewer key);
 * absent in direct callers, which count as the web.
 * request: the client's address and user agent, for audit entries; absent in direct callers.
 * apiKey: the API key the request was authenticated with (its id and scopes), absent for sessions.
 * rateLimit: the request's rate-limit state, for the RateLimit-* response headers (http-handler.ts).
 */
export type Context = {
  db: Db;
  viewer: Viewer;
  origin?: string;
  sessionFromForeignOrigin?: string;
  usage?: UsageOrigin;
  request?: RequestMeta;
  apiKey?: { id: string; scopes: string[] };
  rateLimit?: RateLimitState;
};

const CODE_FOR_STATUS = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  412: "PRECONDITION_FAILED",
  429: "TOO_MANY_REQUESTS",
  502: "BAD_GATEWAY",
} as const;

/** Field errors from zod ("title": ["must be at least 3 characters"]) or from a domain error. */
function fieldErrorsOf(error: unknown): Record<string, string[]> | null {
  if (error instanceof ZodError) {
    const out: Record<string, string[]> = {};
    for (const issue of error.issues) {
      // One field can fail the same way twice (an alias and its refinement): say it once.
      const messages = (out[issue.path.join(".") || "input"] ??= []);
      if (!messages.includes(issue.message)) messages.push(issue.message);
    }
    return out;
  }
  if (error instanceof DomainError && error.fieldErrors) return error.fieldErrors;
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: apiTransformer,
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error.cause);
    let message = shape.message;
    if (error.cause instanceof ZodError && fieldErrors) {
      message = Object.entries(fieldErrors).map(([field, msgs]) => `${field}: ${msgs.join(", ")}`).join("; ");
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      message = "Something went wrong on our side. Please try again.";
    }
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors } };
  },
});

/** Domain errors become tRPC errors with the matching status; anything else is a masked 500. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODE_FOR_STATUS[cause.status], message: cause.message, cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") console.error("[trpc]", result.error.cause ?? result.error);
  return result;
});

/**
 * Every string of every input, before the procedure's own schema: NUL and unpaired surrogates are a
 * 400 naming the field (a zod issue, so the client reads it as any other field error), never a
 * database error.
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const bad = findUnstorableText(await getRawInput());
  if (bad) {
    // ZodRealError: the ZodError that is also an Error, as parse() throws it (tRPC keeps only Errors as causes).
    const cause = new ZodRealError([{ code: "custom", path: bad.path, message: bad.message, input: undefined }]);
    throw new TRPCError({ code: "BAD_REQUEST", message: `${bad.path.join(".") || "input"}: ${bad.message}`, cause });
  }
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A mutation authenticated by the session cookie must come from our own pages (403 otherwise). */
const sameOriginMutations = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.sessionFromForeignOrigin) throw new TRPCError({ code: "FORBIDDEN", message: ctx.sessionFromForeignOrigin });
  return next();
});

/** A call made with a scoped API key needs the scope (api-keys/required-scope.ts): 403 naming it. */
const apiKeyScope = t.middleware(({ ctx, path, type, next }) => {
  if (ctx.apiKey) assertKeyScope(ctx.apiKey.scopes, requiredScope(path, type));
  return next();
});

const procedure = t.procedure.use(mapDomainErrors).use(sameOriginMutations).use(apiKeyScope);

// Each tier checks its input last, right before the procedure's schema: who may call comes first.
export const publicProcedure = procedure.use(storableInput);

const signedIn = procedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in (or send an API key) to do that." });
  return next({ ctx: { ...ctx, actor: ctx.viewer } });
});

export const protectedProcedure = signedIn.use(storableInput);

export const adminProcedure = signedIn
  .use(({ ctx, next }) => {
    if (ctx.actor.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only." });
    if (ctx.apiKey) assertKeyScope(ctx.apiKey.scopes, "admin");
    return next();
  })
  .use(storableInput);
