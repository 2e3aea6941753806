// The entries of the anonymous page cache, for a few seconds each, and what empties it. A write
// (any request that may change what pages show) holds it off while in flight, here and, told over
// IPC, in the other workers: nothing is stored, and a render that began before a write started or
// ended is not stored either (the generation moved), so no entry can hold what was read before a
// write committed. When the write ends it empties the cache unless it was refused or failed (a
// 4xx or 5xx changed nothing: anonymous requests that are turned away cannot keep the cache cold).
// Writes this process cannot see (background jobs, other replicas on the same PostgreSQL, the CLI)
// show within the TTL, plus the time of one render: an entry past its TTL is still served while
// one request renders it again.
import type { NonceBody } from "./nonce-body";
import type { NotedView } from "./render-context";

export type CachedResponse = {
  status: number;
  headers: [string, string | string[]][];
  body: NonceBody;
  /** Prompts whose page view the render recorded: a hit records them again, as a render would. */
  views: NotedView[];
  /** When its render started (what another worker compares with the writes it has seen). */
  renderedFrom: number;
  storedAt: number;
};

export type PageCacheStore = {
  /** The entry while it is younger than the TTL. */
  get(key: string): CachedResponse | undefined;
  /** The entry up to twice the TTL: what others get while one request renders it again. */
  getStale(key: string): CachedResponse | undefined;
  /** Stores the response of a render that started at `generation`; false when it must not be kept. */
  set(key: string, entry: CachedResponse, generation: number): boolean;
  /**
   * Stores an entry another worker rendered and kept: false while a write is in flight here, or
   * when its render started before the last write this store was told of (it may hold what that
   * write changed), or when a newer render of the key is here already.
   */
  setShared(key: string, entry: CachedResponse): boolean;
  /** Moves with every write that starts or ends; a render remembers it when it starts. */
  generation(): number;
  /**
   * A write by someone signed in (a session or an API key) is in flight here or in another worker:
   * told of its start, not yet of its end. Anonymous writes are left out: they are refused (or
   * change nothing public) and must not keep the cache from answering.
   */
  writing(): boolean;
  /**
   * A write in this process or another (`source`) started or ended; `changed`: the end of one that
   * may have changed something; `signed`: made by someone signed in (see `writing`).
   */
  write(phase: "start" | "end", source?: string, changed?: boolean, signed?: boolean): void;
  /**
   * Drops the entries too old to be served even stale, or with `idle` (nobody asked for a page for
   * a TTL) those past their TTL: stale answers only spare a crowd the wait for one render, and an
   * idle server should not hold its last burst's pages. Answers the bytes it dropped.
   */
  sweep(opts?: { idle?: boolean }): number;
  /** A worker that wrote is gone: its unfinished writes no longer hold the cache off. */
  forgetSource(source: string): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
  countHit(): void;
  countMiss(): void;
};

/** A write whose end never arrives (its worker crashed mid-request) stops holding the cache off after this. */
const REMOTE_WRITE_LIMIT_MS = 60_000;

export function createPageCacheStore(opts: { ttlMs: number; maxBytes: number; now?: () => number }): PageCacheStore {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { entry: CachedResponse; bytes: number }>();
  const remoteWrites = new Map<string, { count: number; since: number }>();
  const remoteSignedWrites = new Map<string, { count: number; since: number }>();
  let localWrites = 0;
  let localSignedWrites = 0;
  let generation = 0;
  /** When this store last heard of a write starting or ending, here or elsewhere. */
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  const inFlight = (local: number, remote: Map<string, { count: number; since: number }>) => {
    if (local) return true;
    for (const [source, w] of remote) {
      if (now() - w.since < REMOTE_WRITE_LIMIT_MS) return true;
      remote.delete(source);
    }
    return false;
  };
  const writesInFlight = () => inFlight(localWrites, remoteWrites);
  const count = (remote: Map<string, { count: number; since: number }>, source: string, phase: "start" | "end") => {
    const w = remote.get(source) ?? { count: 0, since: now() };
    w.count += phase === "start" ? 1 : -1;
    w.since = now();
    if (w.count > 0) remote.set(source, w);
    else remote.delete(source);
  };
  const evict = (key: string) => {
    const held = entries.get(key);
    if (!held) return;
    entries.delete(key);
    bytes -= held.bytes;
  };

  const put = (key: string, entry: CachedResponse) => {
    const size = entry.body.length + (entry.body.deflatedParts?.reduce((n, p) => n + p.length, 0) ?? 0);
    if (size > opts.maxBytes / 4) return false;
    evict(key);
    // Oldest first (a Map keeps insertion order) until the new entry fits.
    for (const old of entries.keys()) {
      if (bytes + size <= opts.maxBytes) break;
      evict(old);
    }
    entries.set(key, { entry, bytes: size });
    bytes += size;
    return true;
  };

  return {
    get(key) {
      const held = entries.get(key);
      return held && now() - held.entry.storedAt < opts.ttlMs ? held.entry : undefined;
    },
    getStale(key) {
      const held = entries.get(key);
      if (!held) return undefined;
      if (now() - held.entry.storedAt >= 2 * opts.ttlMs) {
        evict(key);
        return undefined;
      }
      return held.entry;
    },
    set(key, entry, startedAt) {
      if (opts.ttlMs <= 0 || startedAt !== generation || writesInFlight()) return false;
      return put(key, entry);
    },
    setShared(key, entry) {
      if (opts.ttlMs <= 0 || writesInFlight() || entry.renderedFrom <= lastWriteAt) return false;
      const held = entries.get(key);
      if (held && held.entry.renderedFrom >= entry.renderedFrom) return false;
      return put(key, entry);
    },
    generation: () => generation,
    writing: () => inFlight(localSignedWrites, remoteSignedWrites),
    write(phase, source, changed = true, signed = false) {
      generation++;
      lastWriteAt = now();
      if (phase === "end" && changed) clear();
      const step = phase === "start" ? 1 : -1;
      if (source === undefined) {
        localWrites = Math.max(0, localWrites + step);
        if (signed) localSignedWrites = Math.max(0, localSignedWrites + step);
      } else {
        count(remoteWrites, source, phase);
        if (signed) count(remoteSignedWrites, source, phase);
      }
    },
    sweep({ idle = false } = {}) {
      const before = bytes;
      const maxAge = idle ? opts.ttlMs : 2 * opts.ttlMs;
      for (const [key, held] of entries) if (now() - held.entry.storedAt >= maxAge) evict(key);
      return before - bytes;
    },
    forgetSource(source) {
      remoteWrites.delete(source);
      remoteSignedWrites.delete(source);
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
    countHit: () => void hits++,
    countMiss: () => void misses++,
  };
}
