import "server-only";
import { TRPCError } from "@trpc/server";

/**
 * Loads one page of a cursor-paged list. A cursor the procedure rejects (from an outdated link, or
 * another sort) loads the first page instead, and `staleCursor` says so.
 */
export async function firstPageOnStaleCursor<T extends object>(cursor: string | undefined, load: (cursor?: string) => Promise<T>): Promise<T & { staleCursor: boolean }> {
  try {
    return { ...(await load(cursor)), staleCursor: false };
  } catch (error) {
    if (!(error instanceof TRPCError) || !cursor) throw error;
    return { ...(await load()), staleCursor: true };
  }
}
