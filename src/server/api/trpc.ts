// tRPC context, error mapping and procedure tiers. Routers stay thin: input schema + one domain call.
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/server/db/prisma";
import type { Viewer } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";

/** origin: where users reach the app (for links such as Stripe's return URLs); absent in direct callers. */
export type Context = { db: Db; viewer: Viewer; origin?: string };

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
    for (const issue of error.issues) (out[issue.path.join(".") || "input"] ??= []).push(issue.message);
    return out;
  }
  if (error instanceof DomainError && error.fieldErrors) return error.fieldErrors;
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
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

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in (or send an API key) to do that." });
  return next({ ctx: { ...ctx, actor: ctx.viewer } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only." });
  return next();
});
