// Cursor pagination over a unique id: every list takes { cursor?, limit? } and answers
// { items, nextCursor }; fetch one extra row to know whether there is a next page.
import { z } from "zod";

export const MAX_PAGE_SIZE = 100;

export const paginationSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1, "must be at least 1").max(MAX_PAGE_SIZE, `is at most ${MAX_PAGE_SIZE}`).default(20),
});

/** Prisma's take/cursor/skip for one page. `cursorOf` maps the cursor to a unique key other than `id`. */
export function page<Cursor = { id: string }>(
  input: { cursor?: string | null; limit: number },
  cursorOf: (cursor: string) => Cursor = (id) => ({ id }) as Cursor,
) {
  return { take: input.limit + 1, ...(input.cursor ? { cursor: cursorOf(input.cursor), skip: 1 } : {}) };
}

export function pageResult<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
