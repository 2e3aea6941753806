// "Load more" after rows that may have left the list since they were shown: lists that page by id
// refuse a cursor whose row is gone (server/domain/pagination.ts), so the next page is asked after
// the last row shown, and when that one is gone, after the row before it, and so on.

/** How a list's refusal of a cursor whose row is not (or no longer) in it starts. */
export const CURSOR_GONE = "cursor: is not in this list";

/** Whether an error is a list refusing a cursor whose row has gone. */
export const isCursorGone = (error: unknown) => error instanceof Error && error.message.startsWith(CURSOR_GONE);

/**
 * The page after the rows shown (`shownIds`, in list order): asked with the last id as the cursor,
 * then, while the list answers that the cursor's row is gone, with the ids before it (at most
 * `tries` in all). Any other failure, or running out of tries, is thrown.
 */
export async function nextPageAfter<T>(shownIds: readonly string[], fetchPage: (cursor: string) => Promise<T>, tries = 5): Promise<T> {
  const cursors = shownIds.slice(-tries).reverse();
  if (!cursors.length) throw new Error("nextPageAfter: no rows shown to continue after");
  for (let i = 0; ; i++) {
    try {
      return await fetchPage(cursors[i]);
    } catch (error) {
      if (!isCursorGone(error) || i === cursors.length - 1) throw error;
    }
  }
}
