// Promptuary as several stateless replicas on one PostgreSQL server: two production servers
// (`node --import tsx server.ts`, as `npm start` runs it), each with its own DATA_DIR and port, on
// one database, behind nginx (Debian's package) balancing round robin, as README's "Deployment"
// prescribes without Inngest. Through nginx only, it
// - signs in on one replica and uses the session cookie on both (pages, a cookie-authenticated
//   mutation that creates an API key);
// - calls the tRPC API with that API key (both replicas answer);
// - sends proxied calls with the official openai SDK (plain and streamed) to a fake provider: every
//   call answered is stored exactly once, and identified;
// - delivers Stripe webhook events signed with the endpoint's secret, each one twice at the same
//   time (so to both replicas): every event is applied once (one license per purchase, one refund).
// And a third server pointed at a running replica's DATA_DIR refuses to start (the spool lock).
// Each response names the replica that served it (nginx's X-Upstream header), so the test checks
// that both replicas served every kind of request. Skipped without TEST_DATABASE_URL;
// fails when nginx is missing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { userInfo, tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import OpenAI from "openai";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AppRouter } from "@/server/api/root";
import { createPgPrismaClient, type Db } from "@/server/db/prisma";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { createUser } from "@/server/domain/users/create-user";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { freePort, startServer, type ServerProcess } from "./server-process";

const SERVER_DATABASE = process.env.TEST_DATABASE_URL;
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => spawnSync(path, ["-v"]).status === 0);
const WEBHOOK_SECRET = "whsec_two_replicas_test_secret";
const DEMO = { email: "demo@example.com", password: "promptuary-demo" };

const chatCompletion = {
  id: "chatcmpl-replicas",
  object: "chat.completion",
  created: 1_764_000_000,
  model: "gpt-4o-mini-2024-07-18",
  choices: [{ index: 0, message: { role: "assistant", content: "Fine.", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
};
const sse = (data: object) => `data: ${JSON.stringify(data)}\n\n`;
const chunk = (delta: object, finish: string | null = null) => ({ id: "chatcmpl-replicas-s", object: "chat.completion.chunk", created: 1_764_000_000, model: "gpt-4o-mini-2024-07-18", choices: [{ index: 0, delta, finish_reason: finish }] });

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cleanups: (() => Promise<unknown>)[] = [];

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** nginx in front of the replicas, round robin, as a child process (not a daemon) with its files in `dir`. */
async function startNginx(dir: string, port: number, upstreams: number[]): Promise<{ url: string; close: () => Promise<void>; output: () => string }> {
  for (const temp of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) await mkdir(join(dir, temp), { recursive: true });
  const conf = `
# Written by two-replicas.int.test.ts; README "Deployment" shows the same proxy settings.
${process.getuid?.() === 0 ? `user ${userInfo().username};` : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  access_log off;
  upstream promptuary {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://promptuary;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      # Streamed model answers and server-sent events pass through as they come.
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 300s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  const confFile = join(dir, "nginx.conf");
  await writeFile(confFile, conf);
  const child: ChildProcess = spawn(NGINX!, ["-p", dir, "-c", confFile, "-e", "stderr"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await until("nginx to listen", 15_000, async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    return (await fetch(`${url}/api/auth/csrf`)).ok;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    url,
    output: () => output,
    close: async () => {
      child.kill("SIGQUIT");
      await exited;
    },
  };
}

/** The spool locks under a replica's DATA_DIR (DATA_DIR/spool.lock, and one per HTTP worker's spool when `npm start` runs several). */
async function spoolLocks(r: { dataDir: string }): Promise<{ file: string; pid: number }[]> {
  const files = [join(r.dataDir, "spool.lock"), ...(await readdir(join(r.dataDir, "spool")).catch(() => [] as string[])).filter((f) => f.endsWith(".lock")).map((f) => join(r.dataDir, "spool", f))];
  const locks = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8").catch(() => null) })));
  return locks.flatMap(({ file, text }) => (text ? [{ file, pid: (JSON.parse(text) as { pid: number }).pid }] : []));
}

/** A process's parent (Linux). */
function parentOf(pid: number): number | null {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** Which replica served each request, by kind, from nginx's X-Upstream header. */
class Served {
  readonly byKind = new Map<string, Map<string, number>>();
  note(kind: string, res: { headers: Headers }) {
    // "a, b" when nginx tried a first (down) and b answered: the last one served.
    const upstream = res.headers.get("x-upstream")?.split(",").at(-1)?.trim() ?? "none";
    const counts = this.byKind.get(kind) ?? new Map<string, number>();
    counts.set(upstream, (counts.get(upstream) ?? 0) + 1);
    this.byKind.set(kind, counts);
  }
  replicas(kind: string) {
    return [...(this.byKind.get(kind)?.keys() ?? [])].sort();
  }
  describe(kind: string) {
    return [...(this.byKind.get(kind) ?? [])].map(([u, n]) => `${u} ${n}`).join(", ");
  }
}

/** A fetch that keeps cookies like a browser (one jar, names only; enough for Auth.js). */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair.indexOf("=");
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
        else jar.set(name, value);
      }
    },
    has: (name: string) => [...jar.keys()].some((k) => k.includes(name)),
  };
}

describe.skipIf(!SERVER_DATABASE)("two replicas on one PostgreSQL behind nginx (needs TEST_DATABASE_URL)", () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let stripe: FakeStripe;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  const replicas: { name: string; dataDir: string; port: number; server: ServerProcess }[] = [];
  const served = new Served();
  const startedAt = Date.now();
  let env: Record<string, string>;
  /** Replicas as nginx names them in X-Upstream. */
  let upstreamNames: string[];

  beforeAll(async () => {
    if (!NGINX) throw new Error("nginx not found (/usr/sbin/nginx): apt-get install -y nginx (.ci/run installs it)");
    scratch = await createScratchDatabase(SERVER_DATABASE!, "pq_replicas");
    cleanups.push(() => scratch.drop());
    db = createPgPrismaClient(scratch.url, { max: 2 });
    cleanups.push(() => db.$disconnect());

    const upstream = await startFakeUpstream((req) => {
      const stream = (JSON.parse(req.body || "{}") as { stream?: boolean }).stream;
      if (!stream) return { headers: { "content-type": "application/json" }, body: JSON.stringify(chatCompletion), delayMs: 10 };
      return {
        headers: { "content-type": "text/event-stream" },
        chunks: [sse(chunk({ role: "assistant", content: "Fi" })), sse(chunk({ content: "ne." })), sse(chunk({}, "stop")), "data: [DONE]\n\n"],
        chunkDelayMs: 5,
      };
    });
    cleanups.push(() => upstream.close());

    const nginxPort = await freePort();
    stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, webhookUrl: `http://127.0.0.1:${nginxPort}/api/stripe/webhook` });
    cleanups.push(() => stripe.close());

    // What every replica shares (README "Deployment"): the database, the secrets, the proxy in front.
    env = {
      DATABASE_URL: scratch.url,
      AUTH_SECRET: "two-replicas-shared-auth-secret-0123456789",
      PROVIDER_KEY_SECRET: "two-replicas-shared-provider-key-secret-0123",
      TRUST_PROXY: "1",
      OPENAI_BASE_URL: `${upstream.url}/v1`,
      STRIPE_SECRET_KEY: "sk_test_two_replicas",
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
    // The first start of an empty database migrates and seeds it: one replica first, then the other.
    for (const name of ["a", "b"]) {
      const dataDir = await mkdtemp(join(tmpdir(), `pq-replica-${name}-`));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const started = Date.now();
      const server = await startServer({ dataDir, port, env });
      cleanups.push(async () => {
        server.kill("SIGTERM");
        await server.exited;
      });
      console.log(`    replica ${name} (pid ${server.pid}, port ${port}, DATA_DIR ${dataDir}) started in ${seconds(Date.now() - started)}`);
      replicas.push({ name, dataDir, port, server });
    }
    upstreamNames = replicas.map((r) => `127.0.0.1:${r.port}`).sort();

    const nginxDir = await mkdtemp(join(tmpdir(), "pq-nginx-"));
    cleanups.push(() => rm(nginxDir, { recursive: true, force: true }));
    nginx = await startNginx(nginxDir, nginxPort, replicas.map((r) => r.port));
    cleanups.push(() => nginx.close());
  }, 600_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    console.log(`    two replicas: ${seconds(Date.now() - startedAt)} in all`);
  }, 60_000);

  test("each replica locks its own spool: a third server on replica a's DATA_DIR refuses to start, naming a's process", async () => {
    const [a, b] = replicas;
    const intruder = await startServer({ dataDir: a.dataDir, port: await freePort(), env }).then(
      (server) => {
        server.kill("SIGKILL");
        return null;
      },
      (error: Error) => error.message,
    );
    expect(intruder, "a second process on a's spool must not start").not.toBeNull();
    const refusal = /The capture spool (\S+) is in use by process (\d+)/.exec(intruder!);
    expect(refusal, intruder!).not.toBeNull();
    const aLocks = await spoolLocks(a);
    expect(refusal![1].startsWith(a.dataDir)).toBe(true);
    expect(aLocks.map((l) => l.pid)).toContain(Number(refusal![2]));
    // Every spool lock in a replica's DATA_DIR is held by that replica (its server process or one of
    // its HTTP workers), none by the other replica or by the refused process.
    const bLocks = await spoolLocks(b);
    for (const [r, locks] of [[a, aLocks], [b, bLocks]] as const) {
      expect(locks.length).toBeGreaterThan(0);
      for (const lock of locks) expect(lock.pid === r.server.pid || parentOf(lock.pid) === r.server.pid, `${lock.file} held by ${lock.pid}, not replica ${r.name} (${r.server.pid})`).toBe(true);
    }
    console.log(`    a third server on replica a's DATA_DIR: ${intruder!.split("\n").find((l) => l.includes("capture spool"))?.trim()}`);
  }, 180_000);

  test("without Inngest, one replica runs the in-process runner's schedules; the one that starts beside it runs no start-up sweeps", () => {
    const [a, b] = replicas;
    expect(a.server.output()).toContain("▸ Jobs: this replica runs the schedules");
    expect(b.server.output()).not.toContain("this replica runs the schedules");
    expect(b.server.output()).toContain("▸ Jobs: 1 other replica(s) running: no start-up sweeps");
    expect(b.server.output()).not.toContain("seeding the demo catalogue");
  });

  let apiKey: string;

  test("a session from one replica works on both: pages, and a cookie-authenticated mutation that creates an API key", async () => {
    const jar = cookieJar();
    const csrf = await fetch(`${nginx.url}/api/auth/csrf`);
    served.note("sign-in", csrf);
    jar.take(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${nginx.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: nginx.url },
      body: new URLSearchParams({ email: DEMO.email, password: DEMO.password, csrfToken, callbackUrl: `${nginx.url}/settings` }),
    });
    served.note("sign-in", signIn);
    jar.take(signIn);
    expect(signIn.status).toBe(302);
    expect(jar.has("session-token"), `no session cookie after sign-in (redirect to ${signIn.headers.get("location")})`).toBe(true);
    // The CSRF cookie was made by one replica and checked by the other (round robin): the secret is shared.
    expect(served.replicas("sign-in")).toEqual(upstreamNames);

    for (let i = 0; i < 6; i++) {
      const page = await fetch(`${nginx.url}/settings`, { headers: { cookie: jar.header() }, redirect: "manual" });
      served.note("signed-in page", page);
      expect(page.status, `GET /settings #${i} via ${page.headers.get("x-upstream")}`).toBe(200);
      expect(await page.text()).toContain(DEMO.email);
    }
    expect(served.replicas("signed-in page")).toEqual(upstreamNames);
    // Without the cookie the same page sends the visitor to sign in, on either replica.
    const anonymous = await fetch(`${nginx.url}/settings`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);

    const trpcWithCookie = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${nginx.url}/api/trpc`,
          transformer: superjson,
          headers: () => ({ cookie: jar.header(), origin: nginx.url }),
          fetch: async (input, init) => {
            const res = await fetch(input, init);
            served.note("cookie tRPC", res);
            return res;
          },
        }),
      ],
    });
    for (let i = 0; i < 2; i++) expect(await trpcWithCookie.user.me.query()).toMatchObject({ email: DEMO.email });
    apiKey = (await trpcWithCookie.apiKey.create.mutate({ name: "two replicas" })).key;
    expect(apiKey).toMatch(/^pq_/);
    expect(served.replicas("cookie tRPC")).toEqual(upstreamNames);
    console.log(`    session: sign-in served by ${served.describe("sign-in")}; signed-in pages by ${served.describe("signed-in page")}; cookie tRPC by ${served.describe("cookie tRPC")}`);
  });

  const api = (key: string, kind = "API key tRPC") =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${nginx.url}/api/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${key}` },
          fetch: async (input, init) => {
            const res = await fetch(input, init);
            served.note(kind, res);
            return res;
          },
        }),
      ],
    });

  test("an API key works on both replicas, and what one replica writes the other reads", async () => {
    const client = api(apiKey);
    const created = await client.prompt.create.mutate({ title: "Written through one replica", category: "writing", body: "Summarise {{text}} in one line.", visibility: "private" });
    for (let i = 0; i < 4; i++) {
      expect(await client.user.me.query()).toMatchObject({ email: DEMO.email });
      expect(await client.prompt.bySlug.query({ slug: created.slug })).toMatchObject({ id: created.id, title: "Written through one replica" });
    }
    expect(served.replicas("API key tRPC")).toEqual(upstreamNames);
    console.log(`    API key: tRPC calls served by ${served.describe("API key tRPC")}`);
  });

  test("proxied calls through both replicas: every answered call is stored exactly once, and identified", async () => {
    const seen = { answered: new Set<string>(), failed: new Map<string, string>() };
    const openai = new OpenAI({
      apiKey: "sk-two-replicas-provider-key-0000",
      baseURL: `${nginx.url}/api/proxy/openai/v1`,
      defaultHeaders: { "x-promptuary-key": apiKey },
      maxRetries: 0,
      timeout: 30_000,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        served.note("proxied call", res);
        return res;
      },
    });
    const started = Date.now();
    let next = 0;
    const TOTAL = 240;
    const caller = async () => {
      for (let n = next++; n < TOTAL; n = next++) {
        const marker = `replicas call ${n}`;
        try {
          if (n % 10 === 0) {
            // Streamed: nginx must pass the chunks through (proxy_buffering off) and the capture be whole.
            const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: marker }] });
            let text = "";
            for await (const part of stream) text += part.choices[0]?.delta?.content ?? "";
            expect(text).toBe("Fine.");
          } else {
            const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: marker }] });
            expect(reply.id).toBe(chatCompletion.id);
          }
          seen.answered.add(marker);
        } catch (error) {
          seen.failed.set(marker, error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, caller));
    const trafficMs = Date.now() - started;
    expect([...seen.failed]).toEqual([]);
    expect(seen.answered.size).toBe(TOTAL);
    expect(served.replicas("proxied call")).toEqual(upstreamNames);

    const counts = async () => {
      const rows = await db.$queryRaw<{ text: string; n: number }[]>`
        SELECT substr("promptText", 7) AS text, count(*)::int AS n FROM "Capture" WHERE "promptText" LIKE 'user: replicas call %' GROUP BY 1`;
      return new Map(rows.map((r) => [r.text, r.n]));
    };
    await until("every answered call to be stored", 30_000, async () => {
      const c = await counts();
      return [...seen.answered].every((m) => c.has(m)) && c;
    }).catch(async (error: Error) => {
      const c = await counts();
      throw new Error(`${error.message}: ${[...seen.answered].filter((m) => !c.has(m)).length} of ${seen.answered.size} missing`);
    });
    const storedMs = Date.now() - started - trafficMs;
    // Settled: nothing arrives late as a second copy.
    await new Promise((r) => setTimeout(r, 1_000));
    const settled = await counts();
    expect([...settled.values()].filter((n) => n !== 1)).toEqual([]);
    expect(settled.size).toBe(TOTAL);
    const [{ streamed }] = await db.$queryRaw<{ streamed: number }[]>`
      SELECT count(*)::int AS streamed FROM "Capture" WHERE "promptText" LIKE 'user: replicas call %' AND "responseText" = 'Fine.' AND status = 200`;
    expect(streamed).toBe(TOTAL);

    // Each replica's in-process runner identifies what its own proxy stored.
    await until("identity of every capture", 120_000, async () => {
      const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Capture" WHERE "processedAt" IS NULL`;
      return n === 0;
    });
    const identifiedMs = Date.now() - started - trafficMs;
    console.log(
      `    proxied: ${TOTAL} calls (${TOTAL / 10} streamed) at concurrency 8 in ${seconds(trafficMs)}, served by ${served.describe("proxied call")}; all stored once within ${seconds(storedMs)}, identified within ${seconds(identifiedMs)} of the traffic's end`,
    );
  }, 300_000);

  test("Stripe webhooks: each event delivered twice at once (one per replica) is applied once", async () => {
    const seller = api(apiKey, "seller tRPC");
    const prompt = await seller.prompt.create.mutate({ title: "Sold on two replicas", category: "writing", body: "Write a {{tone}} release note for {{change}}.", description: "For sale" });
    const listing = await seller.listing.create.mutate({ promptId: prompt.id, priceCents: 1500, currency: "usd", licenseType: "personal" });

    // Three buyers check out through nginx (the real Stripe SDK against the fake Stripe).
    const buyers: { user: { id: string }; sessionId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(db, { email: `replica-buyer-${i}-${Date.now()}@example.com`, password: "correct horse battery", handle: `replica-buyer-${i}-${Date.now().toString(36)}` });
      const { key } = await createApiKey(db, { id: user.id, handle: user.handle, role: user.role }, { name: "buyer" });
      const checkout = await api(key, "buyer tRPC").listing.checkout.mutate({ listingId: listing.id });
      expect(checkout.sessionId).toMatch(/^cs_/);
      buyers.push({ user, sessionId: checkout.sessionId! });
    }

    /** Delivers one signed event twice at the same moment; nginx sends the two to different replicas. */
    const deliverTwice = async (event: object) => {
      const payload = JSON.stringify(event);
      const replies = await Promise.all(
        [0, 1].map(async () => {
          const res = await fetch(`${nginx.url}/api/stripe/webhook`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": stripe.sign(payload) }, body: payload });
          served.note("webhook", res);
          return { status: res.status, upstream: res.headers.get("x-upstream"), body: (await res.json()) as { outcome?: string } };
        }),
      );
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(new Set(replies.map((r) => r.upstream)).size, "the two deliveries reached different replicas").toBe(2);
      expect(replies.map((r) => r.body.outcome).sort()).toEqual(["applied", "duplicate"]);
    };
    const eventsBefore = await db.stripeEvent.count();
    for (const buyer of buyers) await deliverTwice(stripe.complete(buyer.sessionId));
    await deliverTwice(stripe.refund(buyers[0].sessionId));
    expect(served.replicas("webhook")).toEqual(upstreamNames);

    const buyerIds = buyers.map((b) => b.user.id);
    const licenses = await db.license.findMany({ where: { listingId: listing.id }, select: { holderId: true, status: true } });
    expect(licenses).toHaveLength(3);
    for (const buyer of buyers) expect(licenses.filter((l) => l.holderId === buyer.user.id)).toHaveLength(1);
    expect(licenses.find((l) => l.holderId === buyers[0].user.id)?.status).toBe("revoked");
    const purchases = await db.purchase.findMany({ where: { listingId: listing.id, buyerId: { in: buyerIds } }, select: { buyerId: true, status: true, refundedCents: true } });
    expect(purchases.map((p) => [p.buyerId === buyers[0].user.id, p.status]).sort()).toEqual([[false, "paid"], [false, "paid"], [true, "refunded"]].sort());
    expect(await db.refund.count({ where: { purchase: { listingId: listing.id } } })).toBe(1);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).salesCount).toBe(2);
    expect((await db.stripeEvent.count()) - eventsBefore).toBe(4);
    console.log(`    webhooks: 4 events, each delivered twice at once, served by ${served.describe("webhook")}: 3 licenses (1 revoked by the refund), 1 refund, salesCount 2`);
  });

  test("when replica a stops, nginx sends everything to b, and b takes over the schedules", async () => {
    const [a, b] = replicas;
    a.server.kill("SIGTERM");
    expect((await a.server.exited).code).toBe(0);
    const stoppedAt = Date.now();
    const client = api(apiKey, "after a stopped");
    for (let i = 0; i < 4; i++) expect(await client.user.me.query()).toMatchObject({ email: DEMO.email });
    expect(served.replicas("after a stopped")).toEqual([`127.0.0.1:${b.port}`]);
    await until("b to run the schedules", 30_000, async () => b.server.output().includes("▸ Jobs: this replica runs the schedules"));
    console.log(`    replica a stopped: nginx served ${served.describe("after a stopped")}; b took over the schedules ${seconds(Date.now() - stoppedAt)} after a stopped`);
  }, 60_000);
});

if (!SERVER_DATABASE) console.log("    (skipped: the two-replica test needs TEST_DATABASE_URL, e.g. from scripts/ci/start-postgres.sh)");
