import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { defaultBehaviour, startFakeModelProvider } from "@/test/fake-model-provider";
import { openSecret } from "@/server/domain/secret-box";
import { DomainError } from "@/server/domain/errors";
import { ZodError } from "zod";
import type { TRPCError } from "@trpc/server";

const t = setUpTestDatabase();

const SECRET = "provider-test-secret-0123456789-abcdefghij";
const USER_KEY = "sk-user-own-key-0123456789abcd";
const ANTHROPIC_USER_KEY = "sk-ant-user-key-0123456789wxyz";
const INSTANCE_KEY = "sk-instance-key-0123456789zzzz";
const ENV = ["PROVIDER_KEY_SECRET", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "HARNESS_PROVIDERS", "OPENAI_ORG_ID", "ANTHROPIC_AUTH_TOKEN"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
const logged: string[] = [];

beforeAll(async () => {
  fake = await startFakeModelProvider();
  // env is read lazily: the instance's `openai` at the fake, no `anthropic` key, one listed server
  // with configured models; instance credentials the SDKs would otherwise pick up on their own.
  process.env.PROVIDER_KEY_SECRET = SECRET;
  process.env.OPENAI_API_KEY = INSTANCE_KEY;
  process.env.OPENAI_BASE_URL = fake.baseUrl;
  delete process.env.ANTHROPIC_API_KEY;
  process.env.HARNESS_PROVIDERS = JSON.stringify([{ name: "localbox", baseUrl: fake.baseUrl, models: ["llama3.2", "gpt-4o-mini"] }]);
  process.env.OPENAI_ORG_ID = "org-instance-only";
  process.env.ANTHROPIC_AUTH_TOKEN = "instance-auth-token";
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const compatible = (name: string, extra: Record<string, unknown> = {}) => ({ name, kind: "openai-compatible" as const, baseUrl: fake.baseUrl, apiKey: USER_KEY, ...extra });

/** The refusal's messages for one field, from zod or from the domain (as the API's fieldErrors carry them). */
function fieldMessages(error: TRPCError, field: string): string[] {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues.filter((i) => i.path.join(".") === field).map((i) => i.message);
  if (cause instanceof DomainError) return cause.fieldErrors?.[field] ?? [];
  return [];
}
async function refusesField(call: Promise<unknown>, code: TRPCError["code"], field: string, message: RegExp) {
  const error = await rejects(call, code);
  expect(fieldMessages(error, field).join(" | ")).toMatch(message);
  return error;
}

async function rowsOf(ownerId: string) {
  return t.db.$queryRaw<{ name: string; keyCiphertext: string | null; keyHint: string | null; baseUrl: string; models: unknown }[]>`
    SELECT name, "keyCiphertext", "keyHint", "baseUrl", models FROM "ModelProvider" WHERE "ownerId" = ${ownerId} ORDER BY name`;
}

describe("provider.add / list / remove", () => {
  it("adds a provider, stores its key sealed, shows only the hint, lists and removes it", async () => {
    const { caller, user } = await makeUser(t.db);
    const added = await caller.provider.add(compatible("My-Box", { baseUrl: `${fake.baseUrl}/`, models: [] }));
    expect(added).toMatchObject({ name: "my-box", kind: "openai-compatible", baseUrl: fake.baseUrl, hasKey: true, keyHint: "abcd", models: [], shadowed: false, problem: null });
    expect(JSON.stringify(added)).not.toContain(USER_KEY);

    const [row] = await rowsOf(user.id);
    expect(row.keyCiphertext).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(JSON.stringify(row)).not.toContain(USER_KEY);
    expect(JSON.stringify(row)).not.toContain(USER_KEY.slice(0, 20));
    // The box opens with the right secret (bound to its owner) and with nothing else.
    expect(openSecret(row.keyCiphertext!, { context: `model-provider-key:${user.id}`, secret: SECRET })).toBe(USER_KEY);
    expect(() => openSecret(row.keyCiphertext!, { context: `model-provider-key:${user.id}`, secret: "some-other-secret-0123456789-abcdefghij" })).toThrow(/cannot be decrypted/);

    const listed = await caller.provider.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: added.id, name: "my-box", keyHint: "abcd" });
    expect(JSON.stringify(listed)).not.toContain(USER_KEY);

    // Official kinds default to their official URL; configured models are kept in order given.
    const openai = await caller.provider.add({ name: "work-openai", kind: "openai", apiKey: "sk-work-abcdefghijklmn", models: ["gpt-4o-mini", "o3"] });
    expect(openai).toMatchObject({ baseUrl: "https://api.openai.com/v1", keyHint: "klmn", models: ["gpt-4o-mini", "o3"] });
    // A keyless local server, and a key too short to show any of it.
    expect(await caller.provider.add({ name: "ollama-laptop", kind: "openai-compatible", baseUrl: "http://localhost:11434/v1" })).toMatchObject({ hasKey: false, keyHint: null });
    expect(await caller.provider.add({ name: "short", kind: "openai-compatible", baseUrl: "http://localhost:1234/v1", apiKey: "abc123" })).toMatchObject({ hasKey: true, keyHint: null });
    expect((await caller.provider.list()).map((p) => p.name)).toEqual(["my-box", "ollama-laptop", "short", "work-openai"]);

    // The account export names the providers, never their keys.
    const exported = await caller.user.exportData();
    expect(exported.modelProviders.map((p) => p.name)).toEqual(["my-box", "work-openai", "ollama-laptop", "short"]);
    expect(JSON.stringify(exported)).not.toContain(USER_KEY);
    expect(JSON.stringify(exported)).not.toContain(row.keyCiphertext!.split(":")[3]);

    expect(await caller.provider.remove({ id: added.id })).toEqual({ id: added.id, name: "my-box" });
    expect((await caller.provider.list()).map((p) => p.name)).toEqual(["ollama-laptop", "short", "work-openai"]);
    expect((await rowsOf(user.id)).map((r) => r.name)).toEqual(["ollama-laptop", "short", "work-openai"]);
    await rejects(caller.provider.remove({ id: added.id }), "NOT_FOUND");
  });

  it("refuses bad input with a 4xx naming the field, and stores nothing", async () => {
    const { caller, user } = await makeUser(t.db);
    await caller.provider.add(compatible("dup"));
    const dup = await refusesField(caller.provider.add(compatible("dup")), "CONFLICT", "name", /is already one of your providers/);
    expect(dup.message).toMatch(/^name: you already have a provider named "dup"/);
    await refusesField(caller.provider.add(compatible("DUP ")), "CONFLICT", "name", /is already one of your providers/);
    await refusesField(caller.provider.add(compatible("openai")), "BAD_REQUEST", "name", /^is taken by a built-in provider/);
    await refusesField(caller.provider.add(compatible("anthropic")), "BAD_REQUEST", "name", /^is taken by a built-in provider/);
    const instance = await refusesField(caller.provider.add(compatible("localbox")), "BAD_REQUEST", "name", /is taken by one of this instance's providers/);
    expect(instance.message).toMatch(/^name: "localbox" is one of this instance's providers/);
    await refusesField(caller.provider.add(compatible("has space")), "BAD_REQUEST", "name", /lowercase letters, digits/);
    await refusesField(caller.provider.add(compatible("")), "BAD_REQUEST", "name", /is required/);
    await refusesField(caller.provider.add(compatible("x", { baseUrl: "ftp://example.com/v1" })), "BAD_REQUEST", "baseUrl", /must be an http\(s\) URL/);
    await refusesField(caller.provider.add(compatible("x", { baseUrl: "not a url" })), "BAD_REQUEST", "baseUrl", /must be an http\(s\) URL/);
    await refusesField(caller.provider.add(compatible("x", { baseUrl: "" })), "BAD_REQUEST", "baseUrl", /is required for an OpenAI-compatible server/);
    await refusesField(caller.provider.add({ name: "x", kind: "anthropic" }), "BAD_REQUEST", "apiKey", /is required for Anthropic/);
    await refusesField(caller.provider.add(compatible("x", { kind: "gemini" })), "BAD_REQUEST", "kind", /must be openai, anthropic or openai-compatible/);
    await refusesField(caller.provider.add(compatible("x", { apiKey: "has a space" })), "BAD_REQUEST", "apiKey", /printable characters without spaces/);
    await refusesField(caller.provider.add(compatible("x", { models: ["gpt-4o", "gpt-4o"] })), "BAD_REQUEST", "models", /must not name a model twice/);
    await refusesField(caller.provider.add(compatible("x", { models: ["two words"] })), "BAD_REQUEST", "models.0", /must not contain spaces/);
    await refusesField(caller.provider.remove({ id: "" }), "BAD_REQUEST", "id", /is required/);
    expect((await rowsOf(user.id)).map((r) => r.name)).toEqual(["dup"]);
    // The refusals never echo the key.
    const err = await refusesField(caller.provider.add(compatible("x", { apiKey: `${USER_KEY} ` + "y".repeat(1000) })), "BAD_REQUEST", "apiKey", /at most 1000 characters/);
    expect(JSON.stringify({ message: err.message, cause: err.cause })).not.toContain(USER_KEY);
  });

  it("keeps each user's providers to themselves: not listed, not removable, not usable by others", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const mine = await owner.caller.provider.add(compatible("private-box"));
    expect(await other.caller.provider.list()).toEqual([]);
    await rejects(other.caller.provider.remove({ id: mine.id }), "NOT_FOUND");
    expect((await other.caller.harness.providers()).map((p) => p.name)).not.toContain("private-box");
    await rejects(other.caller.harness.models({ provider: "private-box" }), "BAD_REQUEST", /Unknown provider "private-box"/);
    expect((await other.caller.harness.models()).models.some((m) => m.provider === "private-box")).toBe(false);

    // Nor in a run: the same version and model through the owner's provider name is unknown to the other user.
    const prompt = await other.caller.prompt.create({ title: "Provider isolation", category: "writing", body: "Say hello to {{name}}." });
    const run = other.caller.harness.run({ versionId: prompt.version.id, variables: { name: "Ada" }, models: [{ provider: "private-box", model: "gpt-4o-mini" }] });
    await rejects(run, "BAD_REQUEST", /Unknown provider "private-box"/);
    expect(await t.db.harnessRun.count({ where: { ownerId: other.user.id } })).toBe(0);
    // The owner's provider is untouched.
    expect((await owner.caller.provider.list()).map((p) => p.name)).toEqual(["private-box"]);

    for (const call of [anonymous(t.db).provider.list(), anonymous(t.db).provider.add(compatible("x")), anonymous(t.db).provider.remove({ id: mine.id }), anonymous(t.db).harness.providers(), anonymous(t.db).harness.models()]) {
      await rejects(call, "UNAUTHORIZED");
    }
  });
});

describe("harness.providers and harness.models", () => {
  it("lists the instance's providers then the user's own, with no keys and no instance URLs", async () => {
    const { caller } = await makeUser(t.db);
    await caller.provider.add(compatible("mine"));
    const providers = await caller.harness.providers();
    expect(providers).toEqual([
      { name: "openai", kind: "openai", configured: true, builtIn: true, own: false, problem: null },
      { name: "anthropic", kind: "anthropic", configured: false, builtIn: true, own: false, problem: null },
      { name: "localbox", kind: "openai-compatible", configured: true, builtIn: false, own: false, problem: null },
      { name: "mine", kind: "openai-compatible", configured: true, builtIn: false, own: true, problem: null },
    ]);
    const text = JSON.stringify(providers);
    for (const secret of [USER_KEY, INSTANCE_KEY, fake.baseUrl, "127.0.0.1"]) expect(text).not.toContain(secret);

    // Only an admin is told which variable would configure an instance provider.
    const admin = await makeUser(t.db, { role: "admin" });
    expect((await admin.caller.harness.providers()).find((p) => p.name === "anthropic")).toMatchObject({ configured: false, problem: "needs ANTHROPIC_API_KEY" });
  });

  it("catalogues each provider's models with context size and prices (unknown is null), the user's own through their key", async () => {
    const { caller } = await makeUser(t.db);
    const userKey = "sk-catalogue-user-key-7890abcd";
    await caller.provider.add({ name: "mine", kind: "openai-compatible", baseUrl: fake.baseUrl, apiKey: userKey });
    const before = fake.listRequests.length;
    const { models, errors } = await caller.harness.models();
    expect(errors).toEqual([]);

    // The user's own provider: listed from the fake with the user's key, never the instance's.
    const own = models.filter((m) => m.provider === "mine");
    expect(own.map((m) => m.model)).toEqual([...["broken-model", "gpt-4.1-nano", "gpt-4o-mini", "json-model", "nousage-model", "slow-model"]]);
    expect(own.find((m) => m.model === "gpt-4o-mini")).toEqual({ provider: "mine", model: "gpt-4o-mini", contextTokens: 128_000, inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 });
    expect(own.find((m) => m.model === "json-model")).toEqual({ provider: "mine", model: "json-model", contextTokens: null, inputUsdPerMTok: null, outputUsdPerMTok: null });
    const lists = fake.listRequests.slice(before);
    const userList = lists.find((r) => r.headers.authorization === `Bearer ${userKey}`);
    expect(userList).toBeDefined();
    expect(userList!.headers["openai-organization"]).toBeUndefined();
    expect(lists.filter((r) => r.headers.authorization === `Bearer ${INSTANCE_KEY}`).length).toBeLessThanOrEqual(1);

    // The instance's openai (from its list) and the listed server's configured models (no request needed).
    expect(models.filter((m) => m.provider === "openai").map((m) => m.model)).toContain("gpt-4.1-nano");
    expect(models.filter((m) => m.provider === "localbox")).toEqual([
      { provider: "localbox", model: "gpt-4o-mini", contextTokens: 128_000, inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
      { provider: "localbox", model: "llama3.2", contextTokens: null, inputUsdPerMTok: null, outputUsdPerMTok: null },
    ]);
    expect(models.some((m) => m.provider === "anthropic")).toBe(false);
    expect(JSON.stringify(models)).not.toContain(userKey);

    // One provider at a time, and configured ids instead of a list for a server without one.
    expect((await caller.harness.models({ provider: "mine" })).models).toHaveLength(6);
    await caller.provider.add({ name: "no-list", kind: "openai-compatible", baseUrl: "http://127.0.0.1:1/v1", models: ["qwen2.5:7b", "claude-3-5-haiku-latest"] });
    expect((await caller.harness.models({ provider: "no-list" })).models).toEqual([
      { provider: "no-list", model: "claude-3-5-haiku-latest", contextTokens: 200_000, inputUsdPerMTok: 0.8, outputUsdPerMTok: 4 },
      { provider: "no-list", model: "qwen2.5:7b", contextTokens: null, inputUsdPerMTok: null, outputUsdPerMTok: null },
    ]);
    await rejects(caller.harness.models({ provider: "anthropic" }), "BAD_REQUEST", /not configured/);
    await rejects(caller.harness.models({ provider: "nope" }), "BAD_REQUEST", /Unknown provider "nope"/);
  });

  it("lists an Anthropic-kind provider with the user's key and no instance token", async () => {
    const { caller } = await makeUser(t.db);
    await caller.provider.add({ name: "my-claude", kind: "anthropic", baseUrl: fake.baseUrl, apiKey: ANTHROPIC_USER_KEY });
    const before = fake.listRequests.length;
    const { models } = await caller.harness.models({ provider: "my-claude" });
    expect(models.map((m) => [m.model, m.contextTokens])).toEqual([
      ["claude-3-5-haiku-latest", 200_000],
      ["claude-sonnet-4-5", 200_000],
    ]);
    const sent = fake.listRequests.slice(before).find((r) => r.anthropic)!;
    // This SDK sends an API key as a bearer token (older ones used x-api-key): the user's, never the instance's token.
    expect(sent.headers.authorization ?? sent.headers["x-api-key"]).toMatch(new RegExp(ANTHROPIC_USER_KEY));
    expect(JSON.stringify(sent.headers)).not.toContain("instance-auth-token");
  });

  it("reports a provider whose list fails without hiding the others", async () => {
    const { caller } = await makeUser(t.db);
    await caller.provider.add({ name: "dead", kind: "openai-compatible", baseUrl: "http://127.0.0.1:1/v1", apiKey: USER_KEY });
    const { models, errors } = await caller.harness.models();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ provider: "dead" });
    expect(errors[0].message).toMatch(/Could not list the models of provider "dead"/);
    expect(errors[0].message).not.toContain(USER_KEY);
    expect(models.some((m) => m.provider === "openai")).toBe(true);
    expect(models.some((m) => m.provider === "localbox")).toBe(true);
    await rejects(caller.harness.models({ provider: "dead" }), "BAD_GATEWAY", /dead/);

    // A server that refuses the key and quotes it back: the report names the refusal, not the key.
    const quoting = createServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${USER_KEY}`, type: "invalid_request_error" } }));
    });
    await new Promise<void>((r) => quoting.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(quoting.address() as AddressInfo).port}/v1`;
      await caller.provider.add({ name: "quoting", kind: "openai-compatible", baseUrl: url, apiKey: USER_KEY });
      const refused = await rejects(caller.harness.models({ provider: "quoting" }), "BAD_GATEWAY", /Incorrect API key provided: \[API key\]/);
      expect(refused.message).not.toContain(USER_KEY);
    } finally {
      quoting.close();
    }
  });

  it("runs a prompt through the user's own provider with the user's key", async () => {
    const { caller } = await makeUser(t.db);
    const key = "sk-run-with-own-key-00001111";
    await caller.provider.add({ name: "runner", kind: "openai-compatible", baseUrl: fake.baseUrl, apiKey: key });
    const prompt = await caller.prompt.create({ title: "Own provider run", category: "writing", body: "Greet {{name}} warmly." });
    const { runId } = await caller.harness.run({ versionId: prompt.version.id, variables: { name: "Grace" }, models: [{ provider: "runner", model: "gpt-4o-mini" }] });
    let run = await caller.harness.get({ runId });
    for (let i = 0; i < 100 && run.status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = await caller.harness.get({ runId });
    }
    expect(run.status).toBe("done");
    expect(run.results[0]).toMatchObject({ provider: "runner", model: "gpt-4o-mini", status: "done", output: "gpt-4o-mini says: Greet Grace warmly." });
    const sent = fake.requests.filter((r) => r.prompt === "Greet Grace warmly.");
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.authorization).toBe(`Bearer ${key}`);
    expect(JSON.stringify(run)).not.toContain(key);

    // A server that quotes the key it refused: the stored error shows the refusal, not the key.
    fake.setBehaviour(() => ({ text: "", errorStatus: 401, errorMessage: `Incorrect API key provided: ${key}` }));
    try {
      const refused = await caller.harness.run({ versionId: prompt.version.id, variables: { name: "Linus" }, models: [{ provider: "runner", model: "gpt-4o-mini" }] });
      let failed = await caller.harness.get({ runId: refused.runId });
      for (let i = 0; i < 100 && failed.status !== "done"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        failed = await caller.harness.get({ runId: refused.runId });
      }
      expect(failed.results[0]).toMatchObject({ status: "error", error: expect.stringContaining("Incorrect API key provided: [API key]") });
      expect(JSON.stringify(failed)).not.toContain(key);
      const stored = await t.db.harnessResult.findMany({ where: { runId: refused.runId }, select: { error: true } });
      expect(JSON.stringify(stored)).not.toContain(key);
    } finally {
      fake.setBehaviour((model, prompt) => defaultBehaviour(model, prompt, { slowMs: 5000 }));
    }
  });

  it("says clearly when a saved key cannot be decrypted (another secret), for that provider only", async () => {
    const { caller } = await makeUser(t.db);
    await caller.provider.add(compatible("sealed"));
    process.env.PROVIDER_KEY_SECRET = "a-different-secret-0123456789-abcdefghijkl";
    try {
      const listed = await caller.provider.list();
      expect(listed[0].problem).toMatch(/cannot be decrypted: it was saved under another PROVIDER_KEY_SECRET/);
      expect((await caller.harness.providers()).find((p) => p.name === "sealed")).toMatchObject({ configured: false, own: true, problem: expect.stringMatching(/cannot be decrypted/) });
      await rejects(caller.harness.models({ provider: "sealed" }), "BAD_REQUEST", /^Provider "sealed" cannot be used: its saved API key cannot be decrypted/);
      const all = await caller.harness.models();
      expect(all.errors).toEqual([{ provider: "sealed", message: expect.stringMatching(/cannot be decrypted/) }]);
      expect(all.models.some((m) => m.provider === "openai")).toBe(true);
    } finally {
      process.env.PROVIDER_KEY_SECRET = SECRET;
    }
    expect((await caller.provider.list())[0].problem).toBeNull();
  });

  it("logged none of the keys", () => {
    const text = logged.join("\n");
    for (const key of [USER_KEY, ANTHROPIC_USER_KEY, INSTANCE_KEY, "sk-catalogue-user-key-7890abcd", "sk-run-with-own-key-00001111", "sk-work-abcdefghijklmn"]) expect(text).not.toContain(key);
  });
});
