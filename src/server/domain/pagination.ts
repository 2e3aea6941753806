// Cursor pagination over a unique id: fetch one extra row to know whether there is a next page.

export function page(input: { cursor?: string | null; limit: number }) {
  return { take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) };
}

export function pageResult<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
