// GET/POST /api/v1/prompts/{slug} through real HTTP requests (a node:http server in front of the
// route's handlers, on this file's test database): labels and versions, ETag / 304, rendering as
// prompt.render does, every refusal naming what is wrong, and a label's A/B split, whose observed
// shares over many requests stay within the binomial tolerance (the split's coin is seeded).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { createBatchedLimiter, type BatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import { postgresLimiterStore } from "@/server/domain/rate-limits/limiter-store";
import { seededRandom } from "@/shared/random/seeded-random";
import { replaceSingleton } from "@/server/process-singleton";
import { makeUser } from "@/test/callers";
import { makeOrgPrompt, makeOrgWithMembers, type Member } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { createRuntimePromptHandlers } from "./runtime-handlers";

const t = setUpTestDatabase();
let server: Server;
let base: string;
let limiter: BatchedLimiter;

beforeAll(async () => {
  replaceSingleton("db", t.db);
  // The API's limiter on this file's database, closed before the database is.
  limiter = createBatchedLimiter({ store: postgresLimiterStore(t.db), syncMs: 60_000 });
  replaceSingleton("rate-limiter", limiter);
  const handlers = createRuntimePromptHandlers(seededRandom(20261125));
  server = createServer(async (req, res) => {
    const match = /^\/api\/v1\/prompts\/([^/?]+)/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://localhost${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const handler = req.method === "POST" ? handlers.POST : handlers.GET;
    const response = await handler(request, { params: Promise.resolve({ slug: decodeURIComponent(match[1]) }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/prompts`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  limiter.close();
  replaceSingleton("rate-limiter", undefined);
  replaceSingleton("db", undefined);
});

async function keyFor(member: Member, input: { scopes?: ("read" | "write" | "proxy" | "admin")[]; rateLimitPerMinute?: number } = {}) {
  return (await member.caller.apiKey.create({ name: "runtime", ...input })).key;
}

const get = (path: string, key: string | null, headers: Record<string, string> = {}) => fetch(`${base}/${path}`, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
const post = (path: string, key: string, body: string) => fetch(`${base}/${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });

async function promptWithVersions(count: number) {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({
    title: "Ticket triage",
    category: "support",
    body: "Triage {{ticket}} for {{team|support}} (v1)",
    variables: [{ name: "ticket", description: "The ticket's text" }],
    modelSettings: { model: "gpt-4o-mini", temperature: 0.2 },
  });
  const versions = [p.version];
  for (let n = 2; n <= count; n++) versions.push(await owner.caller.version.create({ promptId: p.id, body: `Triage {{ticket}} for {{team|support}} (v${n})` }));
  return { owner, p, versions, key: await keyFor(owner) };
}

describe("GET /api/v1/prompts/{slug}", () => {
  it("serves production (else latest), a label or a version, says which in the body and headers, and answers 304 to a matching ETag", async () => {
    const { owner, p, versions, key } = await promptWithVersions(3);
    let res = await get(p.slug, key);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-promptuary-version")).toBe("3");
    expect(res.headers.get("x-promptuary-label")).toBe("latest");
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(await res.json()).toMatchObject({
      slug: p.slug,
      version: 3,
      versionId: versions[2].id,
      label: "latest",
      split: null,
      body: "Triage {{ticket}} for {{team|support}} (v3)",
      variables: [{ name: "ticket" }, { name: "team", default: "support" }],
      modelSettings: {},
    });

    // Asked for by name, production also falls back to latest while the prompt has none; a custom label must exist.
    const asked = await get(`${p.slug}?label=production`, key);
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ version: 3, label: "latest" });
    expect((await get(`${p.slug}?label=staging`, key)).status).toBe(404);

    await owner.caller.version.promote({ versionId: versions[0].id });
    res = await get(p.slug, key);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await res.json()).toMatchObject({ version: 1, label: "production", variables: [{ name: "ticket", description: "The ticket's text" }, { name: "team", default: "support" }], modelSettings: { model: "gpt-4o-mini", temperature: 0.2 } });

    const notModified = await get(p.slug, key, { "if-none-match": `W/"nope", ${etag}` });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(notModified.headers.get("x-promptuary-version")).toBe("1");

    // The label moves: the same ETag no longer matches.
    await owner.caller.version.promote({ versionId: versions[1].id });
    res = await get(p.slug, key, { "if-none-match": etag });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).not.toBe(etag);
    expect((await res.json()).version).toBe(2);

    await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: versions[2].id });
    res = await fetch(`${base}/${p.slug}?label=staging`, { headers: { "x-promptuary-key": key } });
    expect(res.headers.get("x-promptuary-label")).toBe("staging");
    expect((await res.json()).version).toBe(3);
    res = await get(`${p.slug}?version=1`, key);
    expect(res.headers.get("x-promptuary-label")).toBeNull();
    expect(await res.json()).toMatchObject({ version: 1, label: null });
  });

  it("refuses what is wrong with a status and a message naming the field", async () => {
    const { p, key, owner } = await promptWithVersions(1);
    const expectError = async (res: Response, status: number, message: RegExp, field?: string) => {
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error).toMatch(message);
      if (field) expect(Object.keys(body.fieldErrors)).toContain(field);
    };
    const missing = await get(p.slug, null);
    expect(missing.headers.get("www-authenticate")).toMatch(/Bearer/);
    await expectError(missing, 401, /Missing API key.*Authorization: Bearer/);
    await expectError(await get(p.slug, "pq_" + "x".repeat(32)), 401, /Invalid or revoked API key/);
    await expectError(await get(p.slug, await keyFor(owner, { scopes: ["write"] })), 403, /lacks the "read" scope/);
    await expectError(await get(`${p.slug}?label=Staging!`, key), 400, /^label: must hold only lowercase letters/, "label");
    await expectError(await get(`${p.slug}?label=a&version=1`, key), 400, /^version: give either label or version, not both/, "version");
    await expectError(await get(`${p.slug}?version=0`, key), 400, /^version: must be a whole number of 1 or more/, "version");
    await expectError(await get(`${p.slug}?version=two`, key), 400, /^version: must be a whole number/, "version");
    await expectError(await get(`${p.slug}?label=a&label=b`, key), 400, /^label: must be given once/, "label");
    await expectError(await get(`${p.slug}?label=staging`, key), 404, /^label: prompt ".*" has no label "staging"/, "label");
    await expectError(await get(`${p.slug}?version=9`, key), 404, /^version: prompt ".*" has no version 9/, "version");
    await expectError(await get("no-such-prompt", key), 404, /^slug: no prompt "no-such-prompt"/, "slug");

    const revoked = await owner.caller.apiKey.create({ name: "gone" });
    await owner.caller.apiKey.revoke({ id: revoked.id });
    await expectError(await get(p.slug, revoked.key), 401, /Invalid or revoked/);
  });

  it("applies visibility, approval and paid rules as everywhere", async () => {
    const stranger = await makeUser(t.db);
    const strangerKey = await keyFor(stranger);
    const secret = await stranger.caller.prompt.create({ title: "Mine", category: "writing", body: "secret", visibility: "private" });
    const { key: otherKey } = await promptWithVersions(1);
    expect((await get(secret.slug, otherKey)).status).toBe(404);
    expect((await get(secret.slug, strangerKey)).status).toBe(200);

    // An organisation's proposal (in review) exists only for those who may see unapproved versions.
    const { org, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    await contributor.caller.version.propose({ promptId: p.id, body: "Write about {{topic}}, proposed." });
    expect((await get(`${p.slug}?version=2`, await keyFor(consumer))).status).toBe(404);
    expect((await get(`${p.slug}?version=2`, await keyFor(owner))).status).toBe(200);
    expect((await (await get(p.slug, await keyFor(consumer))).json()).version).toBe(1);

    // A paid prompt's body: its owner reads it, others without a license get 403 saying why.
    const seller = await promptWithVersions(1);
    await t.db.listing.create({ data: { promptId: seller.p.id, sellerId: seller.owner.user.id, priceCents: 900, terms: "Personal use only.", status: "active", coverage: "purchased_and_later" } });
    expect((await get(seller.p.slug, seller.key)).status).toBe(200);
    const locked = await get(seller.p.slug, strangerKey);
    expect(locked.status).toBe(403);
    expect((await locked.json()).error).toMatch(/buy a license/);
    expect((await post(seller.p.slug, strangerKey, JSON.stringify({ variables: { ticket: "x" } }))).status).toBe(403);
  });

  it("refuses a key over its own rate limit with 429 and Retry-After", async () => {
    const { p, owner } = await promptWithVersions(1);
    const key = await keyFor(owner, { rateLimitPerMinute: 2 });
    expect((await get(p.slug, key)).status).toBe(200);
    expect((await get(p.slug, key)).status).toBe(200);
    const refused = await get(p.slug, key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/Rate limit exceeded: 2 requests per minute/);
  });
});

describe("POST /api/v1/prompts/{slug}", () => {
  it("renders the served version exactly as prompt.render, and names missing or bad variables", async () => {
    const { owner, p, versions, key } = await promptWithVersions(2);
    const res = await post(`${p.slug}?version=1`, key, JSON.stringify({ variables: { ticket: "Printer on fire", extra: "x" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-promptuary-version")).toBe("1");
    const rendered = await owner.caller.prompt.render({ versionId: versions[0].id, variables: { ticket: "Printer on fire", extra: "x" } });
    expect(await res.json()).toEqual({
      slug: p.slug,
      version: 1,
      versionId: versions[0].id,
      label: null,
      split: null,
      text: rendered.text,
      defaultsUsed: rendered.defaultsUsed,
      unknownVariables: rendered.unknownVariables,
      modelSettings: { model: "gpt-4o-mini", temperature: 0.2 },
    });
    expect(rendered.text).toBe("Triage Printer on fire for support (v1)");

    const missing = await post(p.slug, key, JSON.stringify({ variables: {} }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "Missing value for {{ticket}}", fieldErrors: { "variables.ticket": ["is required"] } });
    const notJson = await post(p.slug, key, "{variables");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).fieldErrors).toHaveProperty("body");
    const badValue = await post(p.slug, key, JSON.stringify({ variables: { ticket: 42 } }));
    expect(badValue.status).toBe(400);
    expect(await badValue.json()).toMatchObject({ error: "variables.ticket: must be a string" });
    // What prompt.render refuses (text PostgreSQL cannot hold) is refused here too, naming the value.
    const nul = await post(p.slug, key, JSON.stringify({ variables: { ticket: "a\u0000b" } }));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: "variables.ticket: cannot contain NUL characters (U+0000)" });
    const surrogate = await post(p.slug, key, JSON.stringify({ variables: { ticket: "\ud800" } }));
    expect(surrogate.status).toBe(400);
    expect((await surrogate.json()).error).toMatch(/^variables\.ticket: is not valid Unicode text/);
    const notObject = await post(p.slug, key, JSON.stringify([1]));
    expect(notObject.status).toBe(400);
    expect((await notObject.json()).error).toMatch(/^body: must be a JSON object/);
  });
});

describe("a label split between two versions", () => {
  it("serves each version at its weight (within the binomial tolerance), says which, and counts each served call for the results", async () => {
    const { owner, p, versions, key } = await promptWithVersions(2);
    const splitPercent = 30;
    await owner.caller.label.set({ promptId: p.id, name: "checkout", versionId: versions[0].id, splitVersionId: versions[1].id, splitPercent });
    const n = 600;
    const served: Record<string, number> = { "1": 0, "2": 0 };
    for (let i = 0; i < n; i++) {
      const res = await get(`${p.slug}?label=checkout`, key);
      const body = await res.json();
      const header = res.headers.get("x-promptuary-version")!;
      expect(String(body.version)).toBe(header);
      expect(body.split).toEqual({ label: "checkout", versions: [{ number: 1, percent: 70 }, { number: 2, percent: 30 }] });
      served[header]++;
    }
    // Binomial(n, p): mean np, standard deviation sqrt(np(1-p)); 4.5 standard deviations leave a
    // chance below 1e-5 of a fair coin landing outside (and the coin here is seeded).
    const share = splitPercent / 100;
    const tolerance = 4.5 * Math.sqrt(n * share * (1 - share));
    expect(Math.abs(served["2"] - n * share)).toBeLessThanOrEqual(tolerance);
    expect(served["1"] + served["2"]).toBe(n);
    expect(served["1"]).toBeGreaterThan(0);
    expect(served["2"]).toBeGreaterThan(0);

    await flushUsage(t.db);
    const results = await owner.caller.label.results({ promptId: p.id, name: "checkout" });
    expect(results.versions.map((v) => [v.number, v.percent, v.served])).toEqual([
      [1, 70, served["1"]],
      [2, 30, served["2"]],
    ]);
    const events = await t.db.usageEvent.findMany({ where: { promptId: p.id, source: "api", kind: "render" }, select: { apiKeyId: true, actorId: true }, distinct: ["apiKeyId"] });
    expect(events).toEqual([{ apiKeyId: expect.any(String), actorId: owner.user.id }]);
  });
});
