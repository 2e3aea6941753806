// The de-duplication rule, in one place: a view (of a prompt page, or of a listing) or a copy counts
// unless the same viewer's event of that kind for the same prompt was counted less than
// VIEW_DEDUP_WINDOW_MS before (or after: processes flush out of order); a like counts once per
// person and prompt for good (liking, unliking and liking again is one like, not a stream of them).
// This file applies it inside one batch; usage-insert.ts applies it against the stored events. (A
// batch is a couple of seconds of events; only one held through a database outage longer than the
// window could drop a view that the stored ones would have let through.)

/** Reloads of a prompt page by the same viewer within 30 minutes are one view. */
export const VIEW_DEDUP_WINDOW_MS = 30 * 60_000;

/** The kinds de-duplicated per viewer and prompt (each on its own). */
export const DEDUPED_KINDS = ["view", "listing_view", "copy", "like"] as const;
/** Of those, the ones counted once ever, not once per window. */
export const ONCE_EVER_KINDS = ["like"] as const;
const onceEver = (kind: string) => (ONCE_EVER_KINDS as readonly string[]).includes(kind);

type ViewLike = { kind: string; at: string; promptId: string | null; viewerKey: string | null };

/** A view that the window applies to: a de-duplicated kind with a known viewer and prompt. */
export const isDedupedView = (e: ViewLike) => (DEDUPED_KINDS as readonly string[]).includes(e.kind) && Boolean(e.viewerKey && e.promptId);

/** The batch without views that repeat a kept view of the same viewer and prompt within the window. */
export function dedupeBatchViews<T extends ViewLike>(batch: T[]): T[] {
  if (!batch.some(isDedupedView)) return batch;
  const lastKept = new Map<string, number>();
  // Views in time order (a stable sort keeps everything else as it was).
  const ordered = batch.map((e, i) => ({ e, i, t: Date.parse(e.at) })).sort((a, b) => a.t - b.t || a.i - b.i);
  const drop = new Set<number>();
  for (const { e, i, t } of ordered) {
    if (!isDedupedView(e)) continue;
    const key = `${e.kind}\u0000${e.promptId}\u0000${e.viewerKey}`;
    const last = lastKept.get(key);
    if (last !== undefined && (onceEver(e.kind) || t - last < VIEW_DEDUP_WINDOW_MS)) drop.add(i);
    else lastKept.set(key, t);
  }
  return drop.size ? batch.filter((_, i) => !drop.has(i)) : batch;
}
