// The time recordUsage adds to a request (issue 15: p50 under 0.2 ms), on an in-memory embedded
// database (the flushes are real; the events name no real prompts, which the insert allows).
//
//   npm run bench:record-usage -- [--calls 20000] [--rounds 3]
import { parseArgs } from "node:util";
import { cpus, loadavg } from "node:os";
import { openPglite } from "./bench-support/bench-database";
import { measureRecordUsage } from "./bench-support/record-usage-overhead";

const TARGET_P50_MS = 0.2;
const { values } = parseArgs({ options: { calls: { type: "string", default: "20000" }, rounds: { type: "string", default: "3" } } });
const calls = Number(values.calls);
const rounds = Number(values.rounds);

const { db, close } = await openPglite();
console.log(`recordUsage × ${calls.toLocaleString("en")}, ${rounds} rounds; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const ms = (n: number) => n.toFixed(4);
let worstP50 = 0;
for (let round = 1; round <= rounds; round++) {
  const r = await measureRecordUsage(db, { calls });
  worstP50 = Math.max(worstP50, r.recordUsage.p50);
  console.log(
    `  round ${round}: recordUsage p50 ${ms(r.recordUsage.p50)} ms, p95 ${ms(r.recordUsage.p95)} ms, p99 ${ms(r.recordUsage.p99)} ms, max ${ms(r.recordUsage.max)} ms; ` +
      `with the anonymous viewer key p50 ${ms(r.withViewerKey.p50)} ms, p95 ${ms(r.withViewerKey.p95)} ms; last flush ${r.lastFlushMs.toFixed(1)} ms`,
  );
}
const stored = await db.usageEvent.count();
console.log(`${worstP50 < TARGET_P50_MS ? "✓" : "✗"} recording adds p50 ${ms(worstP50)} ms (worst round; target < ${TARGET_P50_MS} ms); ${stored.toLocaleString("en")} events stored after de-duplicating views`);
await close();
