// The MCP server as editors and agents meet it: the SDK's own Client over Streamable HTTP against the
// real /api/mcp route handler served by a real HTTP server, and over stdio spawning the bridge
// (`npm --prefix <checkout> run --silent cli -- mcp`, as the Connect page configures it) pointed at
// that server. Covers prompts/list (favourites,
// tool collections with a pin, organisation prompts; nothing unreadable or unapproved), prompts/get
// rendered exactly as prompt.render, a missing argument, keys without access (none, revoked, no
// read scope, another user's private prompt), paid bodies, each tool, the rate limit, and uses
// recorded with source mcp.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { LOCKED_BODY_REASON } from "@/server/domain/access/paid-access";
import { createBatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import { postgresLimiterStore } from "@/server/domain/rate-limits/limiter-store";
import { DEFAULT_IP_LIMITS, type RateLimitConfig } from "@/server/domain/rate-limits/rate-limit-plans";
import { replaceSingleton } from "@/server/process-singleton";
import { makeUser } from "@/test/callers";
import { makeMember, makeOrg, makeOrgPrompt } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { MCP_STDIO_COMMAND, mcpStdioArgs, mcpStdioEnv } from "@/shared/mcp/stdio-command";
import { INVALID_KEY_MESSAGE, MISSING_KEY_MESSAGE } from "./serve-mcp-http";

const { POST } = await import("@/app/api/mcp/route");

const t = setUpTestDatabase();
let http: Server;
let origin: string;

/** The route handler behind a real HTTP server (Node request → web Request → Response → Node response). */
function serve(handler: (request: Request) => Promise<Response>): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
      handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500).end(String(error));
        });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const LIMITS: RateLimitConfig = { enabled: true, plans: { free: { api: 1000, proxy: 1000 }, pro: { api: 1000, proxy: 1000 } }, ip: DEFAULT_IP_LIMITS };

beforeAll(async () => {
  replaceSingleton("db", t.db);
  http = await serve((request) => POST(request));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  replaceSingleton("db", undefined);
  replaceSingleton("rate-limiter", undefined);
  replaceSingleton("rate-limit-config", undefined);
});
beforeEach(() => {
  replaceSingleton("rate-limiter", createBatchedLimiter({ store: postgresLimiterStore(t.db), syncMs: 60_000 }));
  replaceSingleton("rate-limit-config", LIMITS);
});

async function connectHttp(key: string | null) {
  const client = new Client({ name: "mcp-endpoint-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("/api/mcp", origin), key ? { requestInit: { headers: { authorization: `Bearer ${key}` } } } : undefined);
  await client.connect(transport);
  return client;
}

/** A world: alice (the key's owner) with favourites, a tool collection and an organisation; bob with prompts of his own. */
async function world() {
  const alice = await makeUser(t.db);
  const bob = await makeUser(t.db);
  const aliceKey = (await alice.caller.apiKey.create({ name: "editor", scopes: ["read"] })).key;

  const summarise = await bob.caller.prompt.create({
    title: "Summarise notes",
    description: "Bullets from raw notes",
    category: "productivity",
    body: "Summarise {{notes}} in a {{tone}} tone for {{audience}}.",
    variables: [
      { name: "notes", description: "The raw notes" },
      { name: "tone", default: "friendly" },
      { name: "audience", description: "Who reads it", default: "the team" },
    ],
  });
  // Three versions: production on v2, v3 newer; a collection pins v1.
  const staged = await bob.caller.prompt.create({ title: "Release note writer", category: "writing", body: "v1: release notes for {{product}}." });
  const v2 = await bob.caller.version.create({ promptId: staged.id, body: "v2: release notes for {{product}}, grouped.", changelog: "Grouped" });
  await bob.caller.version.create({ promptId: staged.id, body: "v3: release notes for {{product}}, with emoji.", changelog: "Emoji" });
  await bob.caller.version.promote({ versionId: v2.id });
  const bugTriage = await bob.caller.prompt.create({ title: "Bug triage", category: "coding", body: "Triage {{issue}}." });

  const secret = await bob.caller.prompt.create({ title: "Bob's private drafts", category: "writing", body: "Private {{thing}}.", visibility: "private" });
  const paid = await bob.caller.prompt.create({ title: "Paid outreach", category: "marketing", body: "Secret recipe for {{customer}}." });
  await t.db.listing.create({ data: { promptId: paid.id, sellerId: bob.user.id, priceCents: 900, terms: "Personal use only.", status: "active" } });

  // Favourites (one of them on a prompt alice may not read: it must not show).
  await t.db.favorite.create({ data: { userId: alice.user.id, promptId: summarise.id, createdAt: new Date(Date.now() - 2000) } });
  await t.db.favorite.create({ data: { userId: alice.user.id, promptId: paid.id, createdAt: new Date(Date.now() - 1000) } });
  await t.db.favorite.create({ data: { userId: alice.user.id, promptId: secret.id } });

  // A tool collection: the release note writer pinned to v1, bug triage following production.
  const collection = await t.db.collection.create({ data: { slug: `tools-${alice.user.id}`, title: "Editor tools", ownerId: alice.user.id, visibility: "private" } });
  await t.db.collectionItem.create({ data: { collectionId: collection.id, promptId: staged.id, versionId: staged.version.id, position: 0 } });
  await t.db.collectionItem.create({ data: { collectionId: collection.id, promptId: bugTriage.id, position: 1 } });
  await t.db.collectionItem.create({ data: { collectionId: collection.id, promptId: secret.id, position: 2 } });
  await t.db.toolCollection.create({ data: { userId: alice.user.id, collectionId: collection.id } });
  // A collection alice did not choose for tools: its prompt stays out.
  const other = await bob.caller.prompt.create({ title: "Not chosen", category: "writing", body: "Nothing {{x}}." });
  const unchosen = await t.db.collection.create({ data: { slug: `unchosen-${alice.user.id}`, title: "Reading list", ownerId: alice.user.id } });
  await t.db.collectionItem.create({ data: { collectionId: unchosen.id, promptId: other.id, position: 0 } });

  // An organisation alice consumes: its members-only prompt, whose proposal in review is never served.
  const org = await makeOrg(t.db);
  await t.db.membership.create({ data: { orgId: org.id, userId: alice.user.id, role: "consumer" } });
  const orgAdmin = await makeMember(t.db, org.id, "admin");
  const contributor = await makeMember(t.db, org.id, "contributor");
  const orgPrompt = await makeOrgPrompt(t.db, org.id, orgAdmin, { visibility: "members", title: "Support reply", body: "Approved: reply to {{ticket}}." });
  await contributor.caller.version.propose({ promptId: orgPrompt.id, body: "Proposal: reply rudely to {{ticket}}.", changelog: "Try" });
  const orgPrivate = await makeOrgPrompt(t.db, org.id, orgAdmin, { visibility: "private", title: "Org secrets", body: "Hidden {{x}}." });

  return { alice, bob, aliceKey, summarise, staged, v2, bugTriage, secret, paid, other, orgPrompt, orgPrivate };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

/** The text of a tool result (the SDK types callTool's result loosely). */
const textOf = (result: unknown) => ((result as { content: { type: string; text: string }[] }).content ?? []).map((c) => c.text).join("");

async function rejection(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof McpError) return error;
    throw error;
  }
  throw new Error("expected the request to be refused");
}

describe("MCP over Streamable HTTP", () => {
  it("lists the key owner's favourites, tool collections and organisation prompts, named by slug with their variables as arguments", async () => {
    const client = await connectHttp(w.aliceKey);
    const { prompts, nextCursor } = await client.listPrompts();
    expect(nextCursor).toBeUndefined();
    // Favourites newest first, then the tool collection by position, then the organisation's prompts;
    // never bob's private prompt (favourited and collected), the unchosen collection, or the org's private prompt.
    expect(prompts.map((p) => p.name)).toEqual([w.paid.slug, w.summarise.slug, w.staged.slug, w.bugTriage.slug, w.orgPrompt.slug]);
    const summarise = prompts.find((p) => p.name === w.summarise.slug)!;
    expect(summarise.title).toBe("Summarise notes");
    expect(summarise.arguments).toEqual([
      { name: "notes", description: "The raw notes", required: true },
      { name: "tone", description: 'Default: "friendly".', required: false },
      { name: "audience", description: 'Who reads it Default: "the team".', required: false },
    ]);
    expect(prompts.find((p) => p.name === w.staged.slug)!.description).toMatch(/Version 1 \(pinned\)/);
    expect(prompts.find((p) => p.name === w.paid.slug)!.description).toMatch(/Paid: needs a license/);
    await client.close();
  });

  it("prompts/get renders with the arguments exactly as prompt.render, at the pinned, production or approved version", async () => {
    const client = await connectHttp(w.aliceKey);
    const args = { notes: "shipped the MCP server", audience: "the board" };
    const got = await client.getPrompt({ name: w.summarise.slug, arguments: args });
    const viaRender = await w.alice.caller.prompt.render({ versionId: w.summarise.version.id, variables: args });
    expect(got.messages).toEqual([{ role: "user", content: { type: "text", text: viaRender.text } }]);
    expect(viaRender.text).toBe("Summarise shipped the MCP server in a friendly tone for the board.");
    expect(got._meta).toMatchObject({ version: 1, defaultsUsed: ["tone"] });

    // The collection's pin serves v1, not production (v2) nor the newest (v3).
    const pinned = await client.getPrompt({ name: w.staged.slug, arguments: { product: "Promptuary" } });
    expect(pinned.messages[0].content).toEqual({ type: "text", text: "v1: release notes for Promptuary." });
    // The organisation prompt: its approved version, never the proposal in review.
    const org = await client.getPrompt({ name: w.orgPrompt.slug, arguments: { ticket: "#42" } });
    expect(org.messages[0].content).toEqual({ type: "text", text: "Approved: reply to #42." });
    await client.close();
  });

  it("refuses a missing required argument, a prompt not among the tool prompts, and a paid body, each with a clear error", async () => {
    const client = await connectHttp(w.aliceKey);
    const missing = await rejection(client.getPrompt({ name: w.summarise.slug, arguments: { tone: "dry" } }));
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toBe("MCP error -32602: Missing value for {{notes}}");

    const notListed = await rejection(client.getPrompt({ name: w.secret.slug, arguments: { thing: "x" } }));
    expect(notListed.code).toBe(ErrorCode.InvalidParams);
    expect(notListed.message).toBe(`MCP error -32602: Tool prompt "${w.secret.slug}" not found.`);
    expect(notListed.message).not.toContain("Private");

    const paid = await rejection(client.getPrompt({ name: w.paid.slug, arguments: { customer: "ACME" } }));
    expect(paid.message).toContain(LOCKED_BODY_REASON);
    await client.close();
  });

  it("offers search_prompts, get_prompt and render_prompt, with the same access rules", async () => {
    const client = await connectHttp(w.aliceKey);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["get_prompt", "render_prompt", "search_prompts"]);
    expect(tools.find((tool) => tool.name === "render_prompt")!.inputSchema.required).toEqual(["slug"]);

    const search = JSON.parse(textOf(await client.callTool({ name: "search_prompts", arguments: { query: "release notes" } }))) as { results: { slug: string }[] };
    expect(search.results.map((r) => r.slug)).toContain(w.staged.slug);
    const byCategory = JSON.parse(textOf(await client.callTool({ name: "search_prompts", arguments: { category: "coding" } }))) as { results: { slug: string }[] };
    expect(byCategory.results.map((r) => r.slug)).toContain(w.bugTriage.slug);
    expect(byCategory.results.map((r) => r.slug)).not.toContain(w.staged.slug);
    const privateSearch = JSON.parse(textOf(await client.callTool({ name: "search_prompts", arguments: { query: "private drafts" } }))) as { results: { slug: string }[] };
    expect(privateSearch.results.map((r) => r.slug)).not.toContain(w.secret.slug);
    const badCategory = await client.callTool({ name: "search_prompts", arguments: { category: "nonsense" } });
    expect(badCategory.isError).toBe(true);
    expect(textOf(badCategory)).toMatch(/category/);

    // get_prompt: production (v2) by default, a version by number, never another user's private prompt.
    const production = JSON.parse(textOf(await client.callTool({ name: "get_prompt", arguments: { slug: w.staged.slug } }))) as Record<string, unknown>;
    expect(production).toMatchObject({ slug: w.staged.slug, version: 2, label: "production", body: "v2: release notes for {{product}}, grouped." });
    const v3 = JSON.parse(textOf(await client.callTool({ name: "get_prompt", arguments: { slug: w.staged.slug, version: 3 } }))) as Record<string, unknown>;
    expect(v3).toMatchObject({ version: 3, body: "v3: release notes for {{product}}, with emoji." });
    const summary = JSON.parse(textOf(await client.callTool({ name: "get_prompt", arguments: { slug: w.summarise.slug } }))) as Record<string, unknown>;
    expect(summary.variables).toEqual([
      { name: "notes", description: "The raw notes" },
      { name: "tone", default: "friendly" },
      { name: "audience", description: "Who reads it", default: "the team" },
    ]);
    const hidden = await client.callTool({ name: "get_prompt", arguments: { slug: w.secret.slug } });
    expect(hidden.isError).toBe(true);
    expect(textOf(hidden)).toBe(`Prompt "${w.secret.slug}" not found.`);
    const proposal = await client.callTool({ name: "get_prompt", arguments: { slug: w.orgPrompt.slug, version: 2 } });
    expect(proposal.isError).toBe(true);
    expect(textOf(proposal)).toBe(`Version 2 of "${w.orgPrompt.slug}" not found.`);
    const orgPrivate = await client.callTool({ name: "get_prompt", arguments: { slug: w.orgPrivate.slug } });
    expect(textOf(orgPrivate)).toBe(`Prompt "${w.orgPrivate.slug}" not found.`);
    const paid = await client.callTool({ name: "get_prompt", arguments: { slug: w.paid.slug } });
    expect(paid.isError).toBe(true);
    expect(textOf(paid)).toBe(LOCKED_BODY_REASON);

    // render_prompt: prompt.render's text; a missing variable names it.
    const rendered = await client.callTool({ name: "render_prompt", arguments: { slug: w.staged.slug, variables: { product: "Promptuary" } } });
    expect(textOf(rendered)).toBe("v2: release notes for Promptuary, grouped.");
    expect(rendered.structuredContent).toMatchObject({ version: 2, defaultsUsed: [], unknownVariables: [] });
    const missing = await client.callTool({ name: "render_prompt", arguments: { slug: w.staged.slug, version: 1 } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toBe("Missing value for {{product}}");
    // What prompt.render refuses (a NUL in a value) is refused here too, naming the value.
    const nul = await client.callTool({ name: "render_prompt", arguments: { slug: w.staged.slug, variables: { product: "a\u0000" } } });
    expect(nul.isError).toBe(true);
    expect(textOf(nul)).toBe("variables.product: cannot contain NUL characters (U+0000)");
    const noSlug = await client.callTool({ name: "render_prompt", arguments: { variables: {} } });
    expect(noSlug.isError).toBe(true);
    expect(textOf(noSlug)).toMatch(/slug/);
    await client.close();
  });

  it("records each use with source mcp and the key", async () => {
    const client = await connectHttp(w.aliceKey);
    const keyId = (await t.db.apiKey.findFirstOrThrow({ where: { userId: w.alice.user.id } })).id;
    await flushUsage(t.db);
    await t.db.usageEvent.deleteMany({ where: { actorId: w.alice.user.id } });
    await client.getPrompt({ name: w.bugTriage.slug, arguments: { issue: "#7" } });
    await client.callTool({ name: "render_prompt", arguments: { slug: w.bugTriage.slug, variables: { issue: "#8" } } });
    await client.callTool({ name: "get_prompt", arguments: { slug: w.bugTriage.slug } });
    await client.callTool({ name: "get_prompt", arguments: { slug: w.bugTriage.slug } });
    await flushUsage(t.db);
    const events = await t.db.usageEvent.findMany({ where: { actorId: w.alice.user.id }, orderBy: { at: "asc" }, select: { kind: true, source: true, promptId: true, apiKeyId: true, ownerId: true } });
    expect(events).toEqual([
      { kind: "render", source: "mcp", promptId: w.bugTriage.id, apiKeyId: keyId, ownerId: w.bob.user.id },
      { kind: "render", source: "mcp", promptId: w.bugTriage.id, apiKeyId: keyId, ownerId: w.bob.user.id },
      // get_prompt twice: two uses (not de-duplicated as copies by one person are).
      { kind: "render", source: "mcp", promptId: w.bugTriage.id, apiKeyId: keyId, ownerId: w.bob.user.id },
      { kind: "render", source: "mcp", promptId: w.bugTriage.id, apiKeyId: keyId, ownerId: w.bob.user.id },
    ]);
    await client.close();
  });

  it("refuses a request without a key, with a revoked key and with a key lacking the read scope", async () => {
    await expect(connectHttp(null)).rejects.toThrow(MISSING_KEY_MESSAGE);
    const noKey = await fetch(`${origin}/api/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const revoked = await w.alice.caller.apiKey.create({ name: "old" });
    await w.alice.caller.apiKey.revoke({ id: revoked.id });
    await expect(connectHttp(revoked.key)).rejects.toThrow(INVALID_KEY_MESSAGE);
    await expect(connectHttp("pq_not-a-key")).rejects.toThrow(INVALID_KEY_MESSAGE);

    const writeOnly = await w.alice.caller.apiKey.create({ name: "writer", scopes: ["write"] });
    await expect(connectHttp(writeOnly.key)).rejects.toThrow(/lacks the \\?"read\\?" scope/);

    // Bob's key sees bob's private prompt; alice's does not (above): the key decides who is asking.
    const bobClient = await connectHttp((await w.bob.caller.apiKey.create({ name: "bob" })).key);
    const own = JSON.parse(textOf(await bobClient.callTool({ name: "get_prompt", arguments: { slug: w.secret.slug } }))) as Record<string, unknown>;
    expect(own).toMatchObject({ body: "Private {{thing}}." });
    expect((await bobClient.listPrompts()).prompts).toEqual([]);
    await bobClient.close();
  });

  it("answers GET with 405 (stateless: no stream) and counts each POST against the key's rate limit", async () => {
    const get = await fetch(`${origin}/api/mcp`, { headers: { authorization: `Bearer ${w.aliceKey}`, accept: "text/event-stream" } });
    expect(get.status).toBe(405);

    const limited = await w.alice.caller.apiKey.create({ name: "limited", scopes: ["read"] });
    await t.db.apiKey.update({ where: { id: limited.id }, data: { rateLimitPerMinute: 2 } });
    const ping = () =>
      fetch(`${origin}/api/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${limited.key}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
    const first = await ping();
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("2");
    expect((await ping()).status).toBe(200);
    const third = await ping();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBeTruthy();
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/Rate limit exceeded: 2 requests per minute/);
  });
});

describe("MCP over stdio (npm run cli -- mcp)", () => {
  // Exactly the command and environment the Connect page's configurations give editors.
  const spawnBridge = (key: string) =>
    new StdioClientTransport({
      command: MCP_STDIO_COMMAND,
      args: mcpStdioArgs(process.cwd()),
      env: { ...(process.env as Record<string, string>), ...mcpStdioEnv(key, origin) },
      stderr: "pipe",
    });

  it("serves the same prompts and tools as the HTTP endpoint, with the same errors", async () => {
    const client = new Client({ name: "mcp-stdio-test", version: "1.0.0" });
    await client.connect(spawnBridge(w.aliceKey));
    const http = await connectHttp(w.aliceKey);
    expect(await client.listPrompts()).toEqual(await http.listPrompts());
    expect(await client.listTools()).toEqual(await http.listTools());

    const got = await client.getPrompt({ name: w.summarise.slug, arguments: { notes: "n", tone: "dry" } });
    expect(got.messages[0].content).toEqual({ type: "text", text: "Summarise n in a dry tone for the team." });
    const missing = await rejection(client.getPrompt({ name: w.summarise.slug, arguments: {} }));
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toBe("MCP error -32602: Missing value for {{notes}}");

    const rendered = await client.callTool({ name: "render_prompt", arguments: { slug: w.bugTriage.slug, variables: { issue: "#9" } } });
    expect(textOf(rendered)).toBe("Triage #9.");
    const hidden = await client.callTool({ name: "get_prompt", arguments: { slug: w.secret.slug } });
    expect(hidden.isError).toBe(true);
    expect(textOf(hidden)).toBe(`Prompt "${w.secret.slug}" not found.`);
    await http.close();
    await client.close();
  });

  it("exits with the server's refusal on stderr when the key is revoked, and names PROMPTUARY_KEY when it is missing", async () => {
    const revoked = await w.alice.caller.apiKey.create({ name: "gone" });
    await w.alice.caller.apiKey.revoke({ id: revoked.id });
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(MCP_STDIO_COMMAND, mcpStdioArgs(process.cwd()), { env: { ...process.env, ...env } });
        let stderr = "";
        let stdout = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.on("close", (code) => resolve({ code, stderr, stdout }));
      });
    const refused = await run({ PROMPTUARY_KEY: revoked.key, PROMPTUARY_URL: origin });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Promptuary at ${origin} refused the connection (HTTP 401): ${INVALID_KEY_MESSAGE}`);
    expect(refused.stdout).toBe("");
    const noKey = await run({ PROMPTUARY_KEY: "", PROMPTUARY_URL: origin });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/^PROMPTUARY_KEY: /);
  });
});
