// The tRPC API's per-address limit holds for answers the page cache gives (a hit never reaches the
// route handler), against the real server: one HTTP worker, an anonymous budget of 5 calls a minute.
// The first call renders (and is counted by the route), the cached ones after it are counted too and
// carry their own RateLimit-* headers (not the render's), and the sixth is a 429 in tRPC's shape.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, startServer, type ServerProcess } from "./server-process";

let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "pq-cached-limit-"));
  server = await startServer({
    dataDir,
    port: await freePort(),
    env: { WEB_CONCURRENCY: "1", PAGE_CACHE_TTL_MS: "30000", RATE_LIMITS: JSON.stringify({ ip: { api: 5 } }) },
  });
}, 300_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await server?.exited;
  await rm(dataDir, { recursive: true, force: true });
});

test("cached anonymous API answers count against the address's budget, with their own headers, then 429", async () => {
  const input = encodeURIComponent(JSON.stringify({ "0": { json: { q: "email" } } }));
  const answers: { status: number; cache: string | null; remaining: string | null; retryAfter: string | null; body: string }[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await fetch(`${server!.url}/api/trpc/prompt.search?batch=1&input=${input}`);
    answers.push({ status: res.status, cache: res.headers.get("x-cache"), remaining: res.headers.get("ratelimit-remaining"), retryAfter: res.headers.get("retry-after"), body: await res.text() });
  }
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
  expect(answers.map((a) => a.cache)).toEqual(["miss", "hit", "hit", "hit", "hit", "hit", "hit"]);
  expect(answers.map((a) => a.remaining)).toEqual(["4", "3", "2", "1", "0", "0", "0"]);
  expect(Number(answers[5].retryAfter)).toBeGreaterThan(0);
  const refused = JSON.parse(answers[5].body) as { error: { json: { data: { code: string; httpStatus: number; path: string } } } }[];
  expect(refused[0].error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "prompt.search" });
}, 120_000);
