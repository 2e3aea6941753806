// What recording a usage event costs the request that records it: recordUsage's own time per call
// (and, for an anonymous visitor, the viewer key's HMAC before it), while the buffer flushes to the
// database in the background between calls, as it does between requests. Shared by
// `npm run bench:record-usage` and bench:analytics.
import { performance } from "node:perf_hooks";
import type { Db } from "../../src/server/db/prisma";
import { flushUsage, recordUsage } from "../../src/server/domain/analytics/record-usage";
import { anonymousViewerKey } from "../../src/server/http/viewer-key";
import { summarise, type LatencySummary } from "./latency-summary";

export type RecordUsageOverhead = { recordUsage: LatencySummary; withViewerKey: LatencySummary; written: number; lastFlushMs: number };

export async function measureRecordUsage(db: Db, opts: { calls: number; prompts?: number }): Promise<RecordUsageOverhead> {
  const prompts = opts.prompts ?? 500;
  const plain: number[] = [];
  const keyed: number[] = [];
  for (let i = 0; i < opts.calls; i++) {
    const promptId = `bench-prompt-${Math.floor(Math.random() ** 2 * prompts)}`;
    const anonymous = i % 2 === 0;
    const started = performance.now();
    const viewerKey = anonymous ? anonymousViewerKey(`198.51.100.${i % 250}`, `agent-${i % 7}`) : null;
    const keyedAt = performance.now();
    recordUsage(db, { kind: i % 5 === 0 ? "render" : "view", source: "web", promptId, viewerKey, actorId: anonymous ? null : `bench-user-${i % 300}` });
    const done = performance.now();
    plain.push(done - keyedAt);
    if (anonymous) keyed.push(done - started);
    // Yield now and then so the background flush runs between "requests".
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  const flushStarted = performance.now();
  const written = await flushUsage(db);
  return { recordUsage: summarise(plain), withViewerKey: summarise(keyed), written, lastFlushMs: performance.now() - flushStarted };
}
