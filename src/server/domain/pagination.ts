// Cursor pagination over a unique id: every list takes { cursor?, limit? } and answers
// { items, nextCursor }; fetch one extra row to know whether there is a next page. The page starts
// at the cursor's own row, which must be in the list: a cursor that is not (made up, another list's,
// or a row the viewer may not see) is refused rather than read as "the end", and it never tells
// where a row outside the list would stand.
import { z } from "zod";
import { ValidationError } from "./errors";
import { CURSOR_GONE } from "@/shared/pagination/next-page-after";

export const MAX_PAGE_SIZE = 100;

export const paginationSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1, "must be at least 1").max(MAX_PAGE_SIZE, `is at most ${MAX_PAGE_SIZE}`).default(20),
});

/** Prisma's take/cursor/skip for one page. `cursorOf` maps the cursor to a unique key other than `id`. */
export function page<Cursor = { id: string }>(
  input: { cursor?: string | null; limit: number },
  cursorOf: (cursor: string) => Cursor = (id) => ({ id }) as Cursor,
): { take: number; cursor?: Cursor } {
  // With a cursor, its own row first (pageResult checks and drops it), then the page and one more.
  return input.cursor ? { take: input.limit + 2, cursor: cursorOf(input.cursor) } : { take: input.limit + 1 };
}

/** What a list says of a cursor that is not one of its rows. */
export const FOREIGN_CURSOR_MESSAGE = `${CURSOR_GONE} (it may have been removed since); start again from the first page`;

/** The page of rows `page(input)` fetched, `id` being what the cursor names (in the same order). */
export function pageResult<T extends { id: string }>(rows: T[], input: { cursor?: string | null; limit: number }): { items: T[]; nextCursor: string | null } {
  let after = rows;
  if (input.cursor) {
    if (rows[0]?.id !== input.cursor) throw new ValidationError(FOREIGN_CURSOR_MESSAGE, { cursor: ["is not in this list"] });
    after = rows.slice(1);
  }
  const items = after.slice(0, input.limit);
  return { items, nextCursor: after.length > input.limit ? items[items.length - 1].id : null };
}
