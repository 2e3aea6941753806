// Reads whose answer is what an anonymous visitor gets, shared in this process by everyone who sees
// only that (anonymous visitors, and people signed in with no prompts, memberships or licenses:
// `seesWhatAnonymousSees`) for as long as the page cache keeps anonymous pages, and dropped by every
// write exactly as those pages are: the page cache (src/server/page-cache) lends its write
// generation, which moves when any write starts or ends here or in another HTTP worker. Without it
// (tests, `npm run dev`, PAGE_CACHE_TTL_MS=0) every read is computed. Nothing viewer-specific may be
// computed through here: callers pass the anonymous viewer to `compute` (`readAsAnonymousWhenSame`),
// or share only what no viewer changes, after checking the viewer may read it at all (a prompt's
// page of comments).
import "server-only";
import { processSingleton } from "@/server/process-singleton";
import type { DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Viewer } from "../actor";
import { NO_REACH, viewerReach, type ViewerReach } from "./viewer-reach";

/**
 * What the page cache lends: its write generation, whether someone signed in is writing here or in
 * another worker (their answer can reach them, and they can ask again elsewhere, before the write's
 * end is heard there: nothing is shared meanwhile, as no page is), and its TTL.
 */
export type PublicReadsSource = { generation: () => number; writing: () => boolean; ttlMs: number };

type Entry = { value: unknown; storedAt: number };

/** Enough for every word a busy Explore sees within a TTL; entries are a page of cards each. */
const MAX_ENTRIES = 2_000;

type State = { source: PublicReadsSource | null; entries: Map<string, Entry>; generation: number };
const state = () => processSingleton<State>("public-reads", () => ({ source: null, entries: new Map(), generation: 0 }));

/** Called by the page cache of this process (or with null, to stop sharing). */
export function sharePublicReads(source: PublicReadsSource | null): void {
  const s = state();
  s.source = source;
  s.entries.clear();
}

/** The viewer sees exactly what an anonymous visitor sees in lists and searches. */
export function seesWhatAnonymousSees(viewer: Viewer, reach: ViewerReach): boolean {
  return !viewer || (!isAdmin(viewer) && !reach.orgs && !reach.licenses && !reach.prompts);
}

/** Answers are shared now (not in tests, `npm run dev`, or with the page cache off). */
function sharing(): boolean {
  const source = state().source;
  return source !== null && source.ttlMs > 0;
}

/**
 * `read` as an anonymous visitor, shared under `key`, when the viewer sees only what anonymous
 * visitors see; otherwise `read` as the viewer. For reads that depend on the viewer only through
 * what they may see (searches, a prompt's lineage, its similar prompts, what the viewer may do with
 * its versions). `read` gets the reach of the viewer it reads as (viewer-reach.ts), asked once per
 * page render (render-scope.ts).
 */
export async function readAsAnonymousWhenSame<T>(db: DbOrTx, viewer: Viewer, key: string, read: (viewer: Viewer, reach: ViewerReach) => Promise<T>): Promise<T> {
  const reach = await viewerReach(db, viewer);
  if (!sharing() || !seesWhatAnonymousSees(viewer, reach)) return read(viewer, reach);
  return publicRead(key, () => read(null, NO_REACH));
}

/**
 * The shared answer for `key` while no write has started or ended since it was computed and it is
 * younger than the TTL; otherwise `compute()`, kept if no write started or ended meanwhile. Each
 * caller gets its own copy, so no request can change another's answer.
 */
export async function publicRead<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const s = state();
  const source = s.source;
  if (!source || source.ttlMs <= 0 || source.writing()) return compute();
  const generation = source.generation();
  if (generation !== s.generation) {
    s.entries.clear();
    s.generation = generation;
  }
  const held = s.entries.get(key);
  if (held && Date.now() - held.storedAt < source.ttlMs) return structuredClone(held.value) as T;
  const value = await compute();
  if (source.generation() === generation && s.generation === generation && !source.writing()) {
    s.entries.delete(key);
    // Oldest first (a Map keeps insertion order) until there is room.
    for (const old of s.entries.keys()) {
      if (s.entries.size < MAX_ENTRIES) break;
      s.entries.delete(old);
    }
    s.entries.set(key, { value: structuredClone(value), storedAt: Date.now() });
  }
  return value;
}

/** Drops entries past the TTL (the page cache's sweep calls this); answers how many it dropped. */
export function sweepPublicReads(): number {
  const s = state();
  const ttl = s.source?.ttlMs ?? 0;
  let dropped = 0;
  for (const [key, entry] of s.entries) {
    if (Date.now() - entry.storedAt >= ttl) {
      s.entries.delete(key);
      dropped++;
    }
  }
  return dropped;
}
