// A harness batch survives a crash of the real server (`node --import tsx server.ts`, production
// build, embedded database): kill -9 mid-batch, start again, and the batch resumes by itself
// (server.ts sends harness/batches.resume). Every cell ends done; a cell stored before the kill was
// never called again (one request per row and model at the fake providers), none is lost.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { AppRouter } from "@/server/api/root";
import { embeddedUrl, readLock } from "@/server/db/embedded-lock";
import { createPgPrismaClient, type Db } from "@/server/db/prisma";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { defaultBehaviour, startFakeModelProvider } from "@/test/fake-model-provider";
import { freePort, startServer, type ServerProcess } from "./server-process";

type Fake = Awaited<ReturnType<typeof startFakeModelProvider>>;
let openai: Fake;
let anthropic: Fake;
let dataDir: string;
let server: ServerProcess | undefined;
let db: Db | undefined;

beforeAll(async () => {
  const behave = (model: string, prompt: string) => ({ ...defaultBehaviour(model, prompt, { slowMs: 5000 }), delayMs: 60 });
  openai = await startFakeModelProvider({ behave });
  anthropic = await startFakeModelProvider({ behave });
  dataDir = await mkdtemp(join(tmpdir(), "pq-harness-batch-"));
});
afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await db?.$disconnect().catch(() => {});
  await Promise.all([openai?.close(), anthropic?.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

async function start() {
  server = await startServer({
    dataDir,
    port: await freePort(),
    env: {
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_API_KEY: "sk-process-batch",
      ANTHROPIC_BASE_URL: anthropic.baseUrl,
      ANTHROPIC_API_KEY: "sk-ant-process-batch",
      HARNESS_BATCH_CONCURRENCY: "4",
    },
  });
  db = createPgPrismaClient(embeddedUrl(readLock(dataDir)!.port), { max: 1 });
  return server;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("kill -9 mid-batch, restart: the batch resumes, no finished cell is called twice, none is lost", async () => {
  await start();
  const demo = await db!.user.findFirstOrThrow({ where: { email: "demo@example.com" }, select: { id: true, handle: true, role: true } });
  const { key } = await createApiKey(db!, demo as Parameters<typeof createApiKey>[1], { name: "batch process test" });
  const client = () =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server!.url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })] });
  const prompt = await client().prompt.create.mutate({ title: "Crash batch", category: "writing", body: "Write one line about {{topic}}.", visibility: "private" });
  const rows = Array.from({ length: 150 }, (_, i) => ({ topic: `crash topic ${i}` }));
  const models = [
    { provider: "openai", model: "gpt-4o-mini" },
    { provider: "anthropic", model: "claude-3-5-haiku-latest" },
  ];
  const { batchId } = await client().harness.batch.mutate({ versionId: prompt.version.id, rows, models });
  await until("60 cells done", 60_000, async () => (await client().harness.batchStatus.query({ batchId })).done >= 60);

  server!.kill("SIGKILL");
  await server!.exited;
  const killedAt = Date.now();
  await db!.$disconnect();
  const requestsAtKill = openai.requests.length + anthropic.requests.length;

  await start();
  const finishedBefore = await db!.harnessBatchCell.findMany({ where: { batchId, finishedAt: { lt: new Date(killedAt) } }, select: { rowIndex: true, model: true } });
  const end = await until("the batch to finish after the restart", 120_000, async () => {
    const s = await client().harness.batchStatus.query({ batchId });
    return s.status === "done" && s;
  });
  expect(end).toMatchObject({ done: 300, errored: 0, pending: 0 });

  const counts = new Map<string, number>();
  for (const r of [...openai.requests, ...anthropic.requests]) counts.set(`${r.model}|${r.prompt}`, (counts.get(`${r.model}|${r.prompt}`) ?? 0) + 1);
  const text = (i: number) => `Write one line about ${rows[i].topic}.`;
  const repeated = finishedBefore.filter((c) => counts.get(`${c.model}|${text(c.rowIndex)}`) !== 1);
  for (const [i] of rows.entries()) for (const m of models) expect(counts.get(`${m.model}|${text(i)}`)).toBeGreaterThanOrEqual(1);
  const total = openai.requests.length + anthropic.requests.length;
  console.log(
    `    kill -9 with ${finishedBefore.length} of 300 cells stored (${requestsAtKill} calls made); after the restart the batch finished with ${total} calls in all (${total - 300} repeated: calls cut by the kill), ${repeated.length} stored cells called again`,
  );
  expect(finishedBefore.length).toBeGreaterThanOrEqual(60);
  expect(repeated).toEqual([]);
  // Only calls in flight at the kill (at most 4 per provider) may have been made twice.
  expect(total - 300).toBeLessThanOrEqual(8);
}, 300_000);
