import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * For `.catch()` on a procedure a page loads its subject with: a record that does not exist (or that
 * the viewer may not see) and a malformed id both render the route's not-found page; any other
 * error is rethrown.
 */
export function notFoundOnMissing(error: unknown): never {
  if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
  throw error;
}
