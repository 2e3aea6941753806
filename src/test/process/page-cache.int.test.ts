// The anonymous page cache is safe, proved against the real server (`node --import tsx server.ts`,
// production build, embedded database, two HTTP workers): nobody gets a page they may not see from
// it, a write shows at once on both workers, each theme gets its own bytes, every response has a
// nonce of its own, and a hit records its prompt view as a render does (for the hit's own visitor).
// Every test first makes the cache answer (x-cache: hit), so each can fail if the cache served the
// wrong thing.
import { mkdtemp, rm } from "node:fs/promises";
import { get as httpGet } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { embeddedUrl, readLock } from "@/server/db/embedded-lock";
import { createPgPrismaClient, type Db } from "@/server/db/prisma";
import { makeUser } from "@/test/callers";
import { freePort, startServer, type ServerProcess } from "./server-process";

type Page = { status: number; cache: string | null; body: string; nonce: string | undefined };
type User = Awaited<ReturnType<typeof makeUser>>;
const PASSWORD = "correct horse battery"; // makeUser's

let dataDir: string;
let server: ServerProcess | undefined;
let db: Db;
let seller: User;
let buyer: User;
let sellerCookie: string;
let buyerCookie: string;
const marker = `m${Date.now().toString(36)}`;
const slugs = { open: "", secret: "", paid: "" };

async function get(path: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(server!.url + path, { headers, redirect: "manual" });
  const body = await res.text();
  const nonce = res.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  return { status: res.status, cache: res.headers.get("x-cache"), body, nonce };
}

/** Asks until the cache answers (each worker keeps its own entries); returns the hit and how many requests it took. */
async function hit(path: string, headers: Record<string, string> = {}): Promise<Page & { requests: number }> {
  for (let requests = 1; requests <= 12; requests++) {
    const page = await get(path, headers);
    if (page.cache === "hit") return { ...page, requests };
    expect(page.cache, `${path}: x-cache`).toBe("miss");
  }
  throw new Error(`${path} was never answered from the cache`);
}

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${server!.url}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${server!.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrfCookie, origin: server!.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session.split(";")[0];
}

async function mutate(cookie: string, procedure: string, input: unknown) {
  const res = await fetch(`${server!.url}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, origin: server!.url, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  expect(res.status, `${procedure}: ${await res.clone().text()}`).toBe(200);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "pq-page-cache-"));
  server = await startServer({ dataDir, port: await freePort(), env: { WEB_CONCURRENCY: "2", PAGE_CACHE_TTL_MS: "30000" } });
  db = createPgPrismaClient(embeddedUrl(readLock(dataDir)!.port), { max: 1 });
  seller = await makeUser(db, { handle: `seller-${marker}` });
  buyer = await makeUser(db, { handle: `buyer-${marker}` });
  const create = (title: string, body: string, visibility: "public" | "private") =>
    seller.caller.prompt.create({ title, description: "A prompt of the page cache test.", category: "writing", body, visibility });
  const open = await create(`Open ${marker}`, `The open body ${marker}-OPEN-BODY.`, "public");
  const secret = await create(`Secret ${marker}`, `The secret body ${marker}-SECRET-BODY.`, "private");
  const paid = await create(`Paid ${marker}`, `The paid body ${marker}-PAID-BODY.`, "public");
  const listing = await db.listing.create({ data: { promptId: paid.id, sellerId: seller.user.id, priceCents: 900, terms: "Personal use only.", status: "active", coverage: "purchased_and_later" } });
  const purchase = await db.purchase.create({
    data: { listingId: listing.id, promptId: paid.id, buyerId: buyer.user.id, sellerId: seller.user.id, amountCents: 900, currency: "usd", status: "paid", versionNumber: 1, licenseType: listing.licenseType, terms: listing.terms, coverage: listing.coverage, paidAt: new Date() },
  });
  await db.license.create({
    data: { key: `PQL-CACHE-${purchase.id}`, purchaseId: purchase.id, listingId: listing.id, promptId: paid.id, holderId: buyer.user.id, licenseType: "personal", terms: listing.terms, coverage: listing.coverage, fromVersion: 1, toVersion: null, status: "active" },
  });
  Object.assign(slugs, { open: open.slug, secret: secret.slug, paid: paid.slug });
  sellerCookie = await signIn(seller.user.email!);
  buyerCookie = await signIn(buyer.user.email!);
}, 300_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await server?.exited;
  await db?.$disconnect().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

describe("the anonymous page cache of the real server", () => {
  test("a paid prompt's body never comes from the cache: anonymous visitors get the page without it, its buyer gets it rendered", async () => {
    // The buyer first: their page must not be what anonymous visitors get afterwards.
    const bought = await get(`/p/${slugs.paid}`, { cookie: buyerCookie });
    expect(bought.cache).toBe("bypass");
    expect(bought.body).toContain(`${marker}-PAID-BODY`);
    const anonymous = await hit(`/p/${slugs.paid}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toContain(`Paid ${marker}`);
    expect(anonymous.body).not.toContain(`${marker}-PAID-BODY`);
    // With the anonymous page cached, the buyer still gets their own, and so does a forged session.
    for (let i = 0; i < 4; i++) {
      const again = await get(`/p/${slugs.paid}`, { cookie: buyerCookie });
      expect(again.cache).toBe("bypass");
      expect(again.body).toContain(`${marker}-PAID-BODY`);
    }
    const forged = await get(`/p/${slugs.paid}`, { cookie: "authjs.session-token=forged" });
    expect(forged.cache).toBe("bypass");
    expect(forged.body).not.toContain(`${marker}-PAID-BODY`);
  });

  test("a private prompt is never served from the cache: its owner sees it, nobody else", async () => {
    const owner = await get(`/p/${slugs.secret}`, { cookie: sellerCookie });
    expect(owner.status).toBe(200);
    expect(owner.body).toContain(`${marker}-SECRET-BODY`);
    for (let i = 0; i < 4; i++) {
      const anonymous = await get(`/p/${slugs.secret}`);
      expect(anonymous.status).toBe(404);
      expect(anonymous.cache).toBe("miss");
      expect(anonymous.body).not.toContain(`${marker}-SECRET-BODY`);
      expect(anonymous.body).not.toContain(`Secret ${marker}`);
    }
    const other = await get(`/p/${slugs.secret}`, { cookie: buyerCookie });
    expect(other.status).toBe(404);
    // Nor does it show on the author's page or in search from the cache.
    const author = await hit(`/u/${seller.user.handle}`);
    expect(author.body).toContain(`Open ${marker}`);
    expect(author.body).not.toContain(`Secret ${marker}`);
    const search = await hit(`/api/trpc/prompt.search?input=${encodeURIComponent(JSON.stringify({ json: { q: marker, limit: 20 } }))}`);
    expect(search.body).toContain(`Open ${marker}`);
    expect(search.body).not.toContain(`Secret ${marker}`);
  });

  test("search answers shared by people who see what anonymous visitors see never reach an owner or a license holder", async () => {
    const reader = await makeUser(db, { handle: `reader-${marker}` });
    const readerCookie = await signIn(reader.user.email!);
    const search = (cookie?: string) => get(`/api/trpc/prompt.search?input=${encodeURIComponent(JSON.stringify({ json: { q: marker, limit: 20 } }))}`, cookie ? { cookie } : {});
    const card = (body: string, title: string) => (JSON.parse(body) as { result: { data: { json: { items: { title: string; bodyLocked: boolean }[] } } } }).result.data.json.items.find((i) => i.title === title);
    // The reader asks twice (the second answer is the shared one), then the owner and the buyer.
    for (let i = 0; i < 2; i++) {
      const theirs = await search(readerCookie);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toContain(`Open ${marker}`);
      expect(theirs.body).not.toContain(`Secret ${marker}`);
      expect(card(theirs.body, `Paid ${marker}`)?.bodyLocked).toBe(true);
    }
    const owner = await search(sellerCookie);
    expect(owner.body).toContain(`Secret ${marker}`);
    const buyer = await search(buyerCookie);
    expect(buyer.body).not.toContain(`Secret ${marker}`);
    expect(card(buyer.body, `Paid ${marker}`)?.bodyLocked).toBe(false);
  });

  test("prompt page parts shared by people who see what anonymous visitors see never reach an owner or a license holder, and a comment shows right after", async () => {
    const reader = await makeUser(db, { handle: `page-reader-${marker}` });
    const readerCookie = await signIn(reader.user.email!);
    const openVersion = await db.promptVersion.findFirstOrThrow({ where: { prompt: { slug: slugs.open } } });
    await mutate(sellerCookie, "prompt.fork", { versionId: openVersion.id, title: `Private fork ${marker}`, visibility: "private" });
    // The reader asks each page twice (the second answer is made of shared parts), then the others.
    for (let i = 0; i < 2; i++) {
      const open = await get(`/p/${slugs.open}`, { cookie: readerCookie });
      expect(open.status).toBe(200);
      expect(open.body).toContain(`@${reader.user.handle}`);
      expect(open.body).not.toContain(`Private fork ${marker}`);
      const paid = await get(`/p/${slugs.paid}`, { cookie: readerCookie });
      expect(paid.status).toBe(200);
      expect(paid.body).not.toContain(`${marker}-PAID-BODY`);
    }
    expect((await get(`/p/${slugs.open}`, { cookie: sellerCookie })).body).toContain(`Private fork ${marker}`);
    expect((await get(`/p/${slugs.paid}`, { cookie: buyerCookie })).body).toContain(`${marker}-PAID-BODY`);
    expect((await get(`/p/${slugs.paid}`, { cookie: sellerCookie })).body).toContain(`${marker}-PAID-BODY`);
    // A comment is a write: the next page, on either worker, has it.
    const { id: openId } = await db.prompt.findUniqueOrThrow({ where: { slug: slugs.open } });
    await mutate(readerCookie, "social.comment", { promptId: openId, body: `Shared comment ${marker}` });
    for (let i = 0; i < 4; i++) expect((await get(`/p/${slugs.open}`, { cookie: readerCookie })).body).toContain(`Shared comment ${marker}`);
  });

  test("a page asked with an API key renders as its owner; a wrong key is a 401 that says so, not an error page", async () => {
    const { key } = await seller.caller.apiKey.create({ name: "page reader", scopes: ["read"] });
    const asOwner = await fetch(`${server!.url}/p/${slugs.secret}`, { headers: { authorization: `Bearer ${key}` } });
    expect(asOwner.status).toBe(200);
    expect(await asOwner.text()).toContain(`${marker}-SECRET-BODY`);
    for (const wrong of ["pq_nope", `${key}x`]) {
      for (const path of ["/", `/p/${slugs.open}`, "/explore?q=open"]) {
        const res = await fetch(`${server!.url}${path}`, { headers: { authorization: `Bearer ${wrong}` } });
        expect(res.status, `${path} with ${wrong}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toContain("invalid_token");
        expect(await res.text()).toContain("Invalid or revoked API key");
      }
    }
    // The API answers a wrong key itself, as before.
    const api = await fetch(`${server!.url}/api/trpc/prompt.search?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { q: "open", limit: 5 } } }))}`, { headers: { authorization: "Bearer pq_nope" } });
    expect(api.status).toBe(401);
  });

  test("a signed-in owner never gets the anonymous page", async () => {
    const anonymous = await hit(`/p/${slugs.open}`);
    expect(anonymous.body).toContain("Sign in");
    expect(anonymous.body).not.toContain("Sign out");
    for (let i = 0; i < 4; i++) {
      const owner = await get(`/p/${slugs.open}`, { cookie: sellerCookie });
      expect(owner.cache).toBe("bypass");
      expect(owner.body).toContain("Sign out");
      expect(owner.body).toContain(`@${seller.user.handle}`);
    }
  });

  test("each response has a nonce of its own, in its policy and in its body, and gzip decodes to the same page", async () => {
    const first = await hit("/explore?q=review");
    const second = await hit("/explore?q=review");
    for (const page of [first, second]) {
      expect(page.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(page.body).toContain(`nonce="${page.nonce}"`);
    }
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).not.toContain(first.nonce);
    const plain = await hit("/explore?q=review", { "accept-encoding": "identity" });
    expect(plain.body.replaceAll(plain.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
  });

  test("different theme cookies get their own bytes", async () => {
    const pages = { dark: await hit("/", { cookie: "theme=dark" }), light: await hit("/", { cookie: "theme=light" }), system: await hit("/") };
    for (const [theme, page] of Object.entries(pages)) expect(page.body).toMatch(new RegExp(`<html[^>]*data-theme="${theme}"`));
    expect(pages.dark.body).toMatch(/<html[^>]*class="dark"/);
    expect(pages.light.body).not.toMatch(/<html[^>]*class="dark"/);
  });

  test("a write shows to anonymous visitors right after, on every worker", async () => {
    const path = `/p/${slugs.open}`;
    // Cached on both workers: several hits in a row.
    let hits = 0;
    for (let i = 0; i < 12 && hits < 4; i++) if ((await get(path)).cache === "hit") hits++;
    expect(hits).toBe(4);
    const renamed = `Renamed ${marker}`;
    const prompt = await db.prompt.findUniqueOrThrow({ where: { slug: slugs.open } });
    await mutate(sellerCookie, "prompt.update", { promptId: prompt.id, title: renamed });
    for (let i = 0; i < 6; i++) {
      const page = await get(path);
      expect(page.body, `request ${i + 1} after the write (x-cache ${page.cache})`).toContain(renamed);
    }
    expect((await hit(path)).body).toContain(renamed);
  });

  test("a page one worker renders is a hit on the other: each new connection, whichever worker takes it", async () => {
    // New connections are dealt to the two workers in turn; without sharing, every other one would miss.
    const fresh = (path: string) =>
      new Promise<string | undefined>((resolve, reject) => {
        const req = httpGet(server!.url + path, { agent: false, headers: { connection: "close" } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers["x-cache"] as string | undefined));
        });
        req.on("error", reject);
      });
    const path = `/explore?q=${marker}-shared`;
    expect(await fresh(path)).toBe("miss");
    await new Promise((r) => setTimeout(r, 500));
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) answers.push(await fresh(path));
    expect(answers).toEqual(Array(6).fill("hit"));
    // A write empties both, and an entry rendered before it is not taken from the other worker.
    const prompt = await db.prompt.findUniqueOrThrow({ where: { slug: slugs.paid } });
    await mutate(sellerCookie, "prompt.update", { promptId: prompt.id, description: `Described again ${marker}.` });
    expect(await fresh(path)).toBe("miss");
  });

  test("a write that is refused does not empty the cache, so anonymous requests cannot keep it cold", async () => {
    const path = `/u/${seller.user.handle}`;
    await hit(path);
    await new Promise((r) => setTimeout(r, 300)); // the other worker has it too
    for (let i = 0; i < 3; i++) {
      const refused = await fetch(`${server!.url}/api/trpc/prompt.update`, {
        method: "POST",
        headers: { origin: server!.url, "content-type": "application/json" },
        body: JSON.stringify({ json: { promptId: "nothing", title: "x" } }),
      });
      expect(refused.status).toBe(401);
      // Signing in with a wrong password is not a write either.
      const wrong = await fetch(`${server!.url}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=nobody%40example.com&password=wrong" });
      expect(wrong.status).toBeLessThan(500);
    }
    for (let i = 0; i < 4; i++) expect((await get(path)).cache).toBe("hit");
  });

  test("a HEAD of a prompt page counts no view, whatever the client says it is", async () => {
    const { id } = await db.prompt.findUniqueOrThrow({ where: { slug: slugs.paid } });
    const viewCount = async () => (await db.prompt.findUniqueOrThrow({ where: { id }, select: { viewCount: true } })).viewCount;
    await new Promise((r) => setTimeout(r, 3_000)); // views are written every 2 s: let earlier ones land
    const before = await viewCount();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server!.url}/p/${slugs.paid}`, { method: "HEAD", headers: { "user-agent": `checker-${marker}-${i}` } });
      expect(res.status).toBe(200);
    }
    // A GET that claims to be a HEAD is a view all the same; it is the one view expected.
    expect((await get(`/p/${slugs.paid}`, { "user-agent": `reader-${marker}`, "x-promptuary-head": "1" })).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while ((await viewCount()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 2_500)); // and no more
    expect((await viewCount()) - before).toBe(1);
  });

  test("a hit records the prompt view as a render does, for its own visitor (reloads within the window count once)", async () => {
    const { id } = await db.prompt.findUniqueOrThrow({ where: { slug: slugs.paid } });
    const viewCount = async () => (await db.prompt.findUniqueOrThrow({ where: { id }, select: { viewCount: true } })).viewCount;
    const listingViews = () => db.usageEvent.count({ where: { promptId: id, kind: "listing_view" } });
    // Views are buffered in each worker and written every 2 s: let earlier ones land.
    await new Promise((r) => setTimeout(r, 3_000));
    const [before, listingBefore] = [await viewCount(), await listingViews()];
    let hits = 0;
    const visitors = 10;
    // Ten visitors (a visitor is its address and user agent), each loading the page twice.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < visitors; i++) if ((await get(`/p/${slugs.paid}`, { "user-agent": `visitor-${marker}-${i}` })).cache === "hit") hits++;
    }
    expect(hits).toBeGreaterThan(visitors);
    const deadline = Date.now() + 15_000;
    while ((await viewCount()) < before + visitors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 2_500)); // and no more than one each
    console.log(`    ${2 * visitors} anonymous page loads by ${visitors} visitors (${hits} from the cache): views ${before} → ${await viewCount()}`);
    expect((await viewCount()) - before).toBe(visitors);
    // The prompt is on sale: each visitor also viewed its listing, once.
    expect((await listingViews()) - listingBefore).toBe(visitors);
  });
});
