// `npm start` as a primary and HTTP workers, proved against the real server (`node --import tsx
// server.ts`, production build, embedded database, WEB_CONCURRENCY=2): both workers serve; an event
// sent in a worker (a new prompt's embedding) runs in the primary's in-process runner; a worker
// killed with -9 is started again in its slot and the server keeps answering; proxied calls are
// spooled under each worker's own directory; and a kill -9 of the primary leaves no worker serving.
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { embeddedUrl, readLock } from "@/server/db/embedded-lock";
import { createPgPrismaClient, type Db } from "@/server/db/prisma";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import { makeUser } from "@/test/callers";
import { startTraffic } from "./proxy-traffic";
import { freePort, startServer, type ServerProcess } from "./server-process";

let dataDir: string;
let server: ServerProcess | undefined;
let db: Db;
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;

/** The live HTTP workers of the primary `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // Only the workers (server.ts again), not a helper process something else may have started.
        const worker = readFileSync(`/proc/${name}/cmdline`, "utf8").includes("server.ts");
        return fields[0] !== "Z" && Number(fields[1]) === pid && worker ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== "Z";
  } catch {
    return false;
  }
};

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: "c", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } }),
    delayMs: 5,
  }));
  dataDir = await mkdtemp(join(tmpdir(), "pq-http-workers-"));
  server = await startServer({ dataDir, port: await freePort(), env: { WEB_CONCURRENCY: "2", OPENAI_BASE_URL: `${upstream.url}/v1`, EMBEDDING_PROVIDER: "local" } });
  db = createPgPrismaClient(embeddedUrl(readLock(dataDir)!.port), { max: 1 });
}, 300_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await db?.$disconnect().catch(() => {});
  await upstream?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("two workers serve; events reach the primary's runner; proxied calls spool per worker; a killed worker comes back", async () => {
  const workers = childrenOf(server!.pid);
  expect(workers).toHaveLength(2);
  expect(server!.output()).toContain("(2 HTTP workers)");

  // A prompt created through a worker is embedded by the job runner in the primary.
  const author = await makeUser(db);
  const key = (await createApiKey(db, author.actor as Parameters<typeof createApiKey>[1], { name: "workers" })).key;
  const res = await fetch(`${server!.url}/api/trpc/prompt.create`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ json: { title: "Embedded through a worker", description: "", category: "writing", body: "Summarise {{text}} in three bullet points." } }),
  });
  expect(res.status).toBe(200);
  const { id } = ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
  console.log(`    prompt created through a worker; waiting for its embedding`);
  await until("the new prompt's embedding", 30_000, async () => (await db.promptEmbedding.count({ where: { promptId: id } })) > 0);

  // Proxied calls on keep-alive connections from several callers land on both workers, each
  // spooling under its own directory (emptied once stored, so only the directories are left).
  const traffic = startTraffic({ baseUrl: server!.url, key, callers: 6, prefix: "workers" });
  await Promise.race([traffic.answeredAtLeast(60), new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${traffic.answered.size} proxied calls answered in 60 s (failed: ${[...traffic.failed.values()].slice(0, 3).join("; ")})`)), 60_000))]);
  await traffic.stop();
  console.log(`    ${traffic.answered.size} proxied calls answered`);
  expect(readdirSync(join(dataDir, "spool")).filter((n) => /^worker-\d+$/.test(n)).sort()).toEqual(["worker-1", "worker-2"]);
  const stored = () => db.capture.count({ where: { promptText: { startsWith: "user: workers call" } } });
  await until("every answered call stored", 60_000, async () => (await stored()) >= traffic.answered.size).catch(async (error: Error) => {
    throw new Error(`${error.message} (${await stored()} of ${traffic.answered.size}); server output:\n${server!.output().slice(-3_000)}`);
  });

  // kill -9 of a worker: the server keeps answering, and a new worker takes the slot.
  const [victim, survivor] = workers;
  process.kill(victim, "SIGKILL");
  // Connections the primary handed to the worker in the instant before it noticed the death are
  // lost (node:cluster's round robin); from then on the other worker gets them.
  await until("the primary to notice", 10_000, () => server!.output().includes(`(pid ${victim}) exited (SIGKILL)`));
  // Each on a new connection (one kept alive to the killed worker is reset, as with any process).
  const status = () =>
    new Promise<number | undefined>((resolve, reject) =>
      get(`${server!.url}/api/auth/csrf`, { agent: false, timeout: 20_000 }, (r) => resolve(r.resume().statusCode))
        .on("timeout", () => reject(new Error("no answer within 20 s")))
        .on("error", reject),
    );
  for (let i = 0; i < 10; i++) expect(await status()).toBe(200);
  const replaced = await until("a new worker", 30_000, () => {
    const now = childrenOf(server!.pid);
    return now.length === 2 && !now.includes(victim) && now.includes(survivor) && now;
  });
  console.log(`    workers ${workers.join(", ")}; after kill -9 of ${victim}: ${replaced.join(", ")}`);
  expect(server!.output()).toMatch(new RegExp(`HTTP worker \\d \\(pid ${victim}\\) exited \\(SIGKILL\\); starting it again`));
}, 240_000);

test("a path whose percent-escapes do not decode is a 400, not a 500", async () => {
  for (const path of ["/p/%", "/p/%ZZ", "/u/%E0%A4%A", "/c/%"]) {
    const res = await fetch(`${server!.url}${path}`);
    expect(res.status, path).toBe(400);
    expect(await res.text()).toMatch(/percent-escape/);
  }
  expect((await fetch(`${server!.url}/p/%25`)).status).toBe(404);
});

test("a page asked with a write method is a 405 naming GET and HEAD, not a render; the API still takes writes", async () => {
  for (const [method, path] of [["POST", "/"], ["POST", "/p/pr-code-review"], ["PUT", "/explore"], ["DELETE", "/u/amara-nwosu"]]) {
    const res = await fetch(`${server!.url}${path}`, { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "x=1" });
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.text()).toMatch(new RegExp(`pages answer GET and HEAD, not ${method}`));
  }
  // The sign-in endpoint is an API route: a POST reaches it (and is refused there for its own reasons).
  const api = await fetch(`${server!.url}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=nobody%40example.com&password=wrong" });
  expect(api.status).not.toBe(405);
});

test("kill -9 of the primary leaves no worker serving", async () => {
  const workers = childrenOf(server!.pid);
  expect(workers.length).toBe(2);
  server!.kill("SIGKILL");
  await server!.exited;
  const gone = await until("every worker to exit", 10_000, () => workers.every((pid) => !alive(pid)));
  expect(gone).toBe(true);
  await expect(fetch(`${server!.url}/`)).rejects.toThrow();
}, 60_000);
