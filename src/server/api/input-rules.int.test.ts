// Bad input is a 400 naming the field, never a database error: NUL and unpaired surrogates in any
// string of any procedure (one middleware in trpc.ts), and invisible or bidi-controlled text in the
// fields people read (src/shared/text/visible-text.ts), through createCaller and through the fetch
// handler as route.ts composes it; and the per-request limits of /api/trpc (request-limits.ts).
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { ZodError, type ZodType } from "zod";
import { appRouter, createCaller } from "@/server/api/root";
import type { Viewer } from "@/server/domain/actor";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { BIDI_CONTROL_MESSAGE, INVISIBLE_TEXT_MESSAGE } from "@/shared/text/visible-text";
import { serveTrpcHttp, TRPC_ENDPOINT } from "./http-handler";
import { NOT_SUPERJSON_MESSAGE } from "./input-transformer";
import { MAX_BATCH_CALLS, MAX_TRPC_BODY_BYTES, trpcBatchOptions } from "./request-limits";
import { NUL_MESSAGE, UNPAIRED_SURROGATE_MESSAGE } from "@/shared/text/storable-text";

const t = setUpTestDatabase();

/** The issues a refused call carries (its cause is the ZodError the client's fieldErrors come from). */
function issuesOf(error: TRPCError) {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

// ---------------------------------------------------------------------------------------------
// Every string field of every procedure, found by walking the procedures' zod input schemas.

const KEY = Symbol("record key");
type Segment = string | number | typeof KEY;

type Def = { type: string; innerType?: ZodType; in?: ZodType; out?: ZodType; shape?: Record<string, ZodType>; element?: ZodType; keyType?: ZodType; valueType?: ZodType; options?: ZodType[] };
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Paths to every z.string() an input schema accepts (array items as [0], record values under "k", record keys as KEY). */
function stringPaths(schema: ZodType, at: Segment[] = []): Segment[][] {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return [at];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return stringPaths(def.innerType!, at);
    case "pipe":
      return defOf(def.in!).type === "transform" ? stringPaths(def.out!, at) : stringPaths(def.in!, at);
    case "object":
      return Object.entries(def.shape!).flatMap(([key, field]) => stringPaths(field, [...at, key]));
    case "array":
      return stringPaths(def.element!, [...at, 0]);
    case "record":
      const keyPaths: Segment[][] = defOf(def.keyType!).type === "string" ? [[...at, KEY]] : [];
      return [...keyPaths, ...stringPaths(def.valueType!, [...at, "k"])];
    case "union":
      return def.options!.flatMap((option) => stringPaths(option, at));
    default:
      return [];
  }
}

/** An input with `text` at `path` and nothing else. */
function inputWith(path: Segment[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (head === KEY) return { [text]: "value" };
  if (typeof head === "number") return [inputWith(rest, text)];
  return { [head]: inputWith(rest, text) };
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: ZodType[] } }>;
const stringFields = Object.entries(procedures).flatMap(([name, procedure]) => {
  const seen = new Set<string>();
  return procedure._def.inputs
    .flatMap((schema) => stringPaths(schema))
    .filter((path) => {
      const key = path.map(String).join(".");
      return !seen.has(key) && seen.add(key);
    })
    .map((path) => ({ name, path }));
});

function callByName(caller: ReturnType<typeof createCaller>, name: string, input: unknown): Promise<unknown> {
  const fn = name.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

describe("NUL and unpaired surrogates: one rule for every string input", () => {
  it("finds the API's string fields (a schema walk that finds none proves nothing)", () => {
    // 108 when written: every z.string() of every input, record keys included.
    expect(stringFields.length).toBeGreaterThanOrEqual(72);
    const names = new Set(stringFields.map((f) => f.name));
    for (const name of ["prompt.create", "version.create", "social.comment", "listing.create", "user.signUp", "apiKey.create", "capture.list", "follow.follow"]) expect(names).toContain(name);
  });

  it("refuses a NUL in every string field of every procedure with a 400 naming that field", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const failures: string[] = [];
    for (const { name, path } of stringFields) {
      const error = await callByName(admin.caller, name, inputWith(path, "before\u0000after")).then(
        () => null,
        (e: unknown) => e,
      );
      const field = path.filter((s) => s !== KEY).join(".") || "input";
      const expected = path.includes(KEY) ? { path: path.filter((s) => s !== KEY).join("."), message: `has a key that ${NUL_MESSAGE}` } : { path: field, message: NUL_MESSAGE };
      if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST" || !(error.cause instanceof ZodError)) {
        failures.push(`${name} ${field}: ${error instanceof TRPCError ? `${error.code} ${error.message}` : String(error)}`);
        continue;
      }
      const issues = issuesOf(error);
      if (issues.length !== 1 || issues[0].path !== expected.path || issues[0].message !== expected.message) failures.push(`${name} ${field}: ${JSON.stringify(issues)}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses NUL in nested and free-form values (jsonb settings, render variables, tags) before anything is stored", async () => {
    const { caller, actor } = await makeUser(t.db);
    const cases: [() => Promise<unknown>, string][] = [
      [() => caller.prompt.create({ title: "Settings", category: "writing", body: "x", modelSettings: { stop: ["ok", "bad\u0000"] } }), "modelSettings.stop.1"],
      [() => caller.prompt.create({ title: "Tags", category: "writing", body: "x", tags: ["fine", "b\u0000d"] }), "tags.1"],
      [() => caller.prompt.create({ title: "Vars", category: "writing", body: "x {{a}}", variables: [{ name: "a", default: "\u0000" }] }), "variables.0.default"],
      [() => anonymous(t.db).prompt.render({ versionId: "v", variables: { customer: "A\u0000na" } }), "variables.customer"],
    ];
    for (const [call, field] of cases) {
      const error = await rejects(call(), "BAD_REQUEST");
      expect(error.message).toBe(`${field}: ${NUL_MESSAGE}`);
      expect(issuesOf(error)).toEqual([{ path: field, message: NUL_MESSAGE }]);
    }
    expect(await t.db.prompt.count({ where: { ownerId: actor.id } })).toBe(0);
  });

  it("refuses unpaired surrogates, which a text column would silently turn into U+FFFD and jsonb refuses", async () => {
    const { caller, actor } = await makeUser(t.db);
    const title = await rejects(caller.prompt.create({ title: "Half \ud83d a smile", category: "writing", body: "x" }), "BAD_REQUEST");
    expect(issuesOf(title)).toEqual([{ path: "title", message: UNPAIRED_SURROGATE_MESSAGE }]);
    const settings = await rejects(caller.prompt.create({ title: "Settings", category: "writing", body: "x", modelSettings: { note: "\udc00" } }), "BAD_REQUEST");
    expect(issuesOf(settings)).toEqual([{ path: "modelSettings.note", message: UNPAIRED_SURROGATE_MESSAGE }]);
    expect(await t.db.prompt.count({ where: { ownerId: actor.id } })).toBe(0);
    // Whole pairs (emoji) are text like any other.
    const smile = await caller.prompt.create({ title: "A smile 😀", category: "writing", body: "x 😀" });
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: smile.id }, select: { title: true } })).toEqual({ title: "A smile 😀" });
  });

  it("still answers 401 before looking at the input of a procedure that needs a signed-in caller", async () => {
    await rejects(anonymous(t.db).prompt.create({ title: "t\u0000", category: "writing", body: "x" }), "UNAUTHORIZED");
  });
});

// ---------------------------------------------------------------------------------------------

describe("invisible text and bidi controls in the fields people read", () => {
  const ZW = "\u200b\u200c\u200d\u2060\ufeff";
  const RLO = "\u202e";

  it("refuses zero-width-only and bidi-controlled titles, descriptions, changelogs, comments, reviews and names", async () => {
    const { caller, actor } = await makeUser(t.db);
    const created = await caller.prompt.create({ title: "Plain title", category: "writing", body: "Hello {{name}}" });

    const refusals: [() => Promise<unknown>, string, string][] = [
      [() => caller.prompt.create({ title: ZW, category: "writing", body: "x" }), "title", INVISIBLE_TEXT_MESSAGE],
      [() => caller.prompt.create({ title: `invoice${RLO}fdp.exe`, category: "writing", body: "x" }), "title", BIDI_CONTROL_MESSAGE],
      [() => caller.prompt.create({ title: "Isolated \u2066x\u2069", category: "writing", body: "x" }), "title", BIDI_CONTROL_MESSAGE],
      [() => caller.prompt.create({ title: "Fine", description: "\u3164\u3164", category: "writing", body: "x" }), "description", INVISIBLE_TEXT_MESSAGE],
      [() => caller.prompt.create({ title: "Blank body", category: "writing", body: ZW }), "body", INVISIBLE_TEXT_MESSAGE],
      [() => caller.prompt.update({ promptId: created.id, title: `a\u202ab` }), "title", BIDI_CONTROL_MESSAGE],
      [() => caller.prompt.fork({ versionId: created.version.id, title: ZW }), "title", INVISIBLE_TEXT_MESSAGE],
      [() => caller.version.create({ promptId: created.id, body: "v2", changelog: ZW }), "changelog", INVISIBLE_TEXT_MESSAGE],
      [() => caller.social.comment({ promptId: created.id, body: ZW }), "body", INVISIBLE_TEXT_MESSAGE],
      [() => caller.social.comment({ promptId: created.id, body: `nice ${RLO}work` }), "body", BIDI_CONTROL_MESSAGE],
      [() => caller.social.rate({ promptId: created.id, stars: 4, review: "\u200b" }), "review", INVISIBLE_TEXT_MESSAGE],
      [() => caller.user.updateProfile({ name: "\u200d\u200d" }), "name", INVISIBLE_TEXT_MESSAGE],
      [() => caller.user.updateProfile({ name: `Ada${RLO}` }), "name", BIDI_CONTROL_MESSAGE],
      [() => caller.user.updateProfile({ bio: "\u2067" }), "bio", BIDI_CONTROL_MESSAGE],
      [() => caller.apiKey.create({ name: "\u200b" }), "name", INVISIBLE_TEXT_MESSAGE],
      [() => anonymous(t.db).user.signUp({ email: "zw@example.com", password: "long enough pw", handle: "zw-user", name: ZW }), "name", INVISIBLE_TEXT_MESSAGE],
    ];
    for (const [call, field, message] of refusals) expect(issuesOf(await rejects(call(), "BAD_REQUEST"))).toContainEqual({ path: field, message });

    // Handles were already letters, digits and dashes: invisible characters are refused by name too.
    const handle = await rejects(anonymous(t.db).user.signUp({ email: "h@example.com", password: "long enough pw", handle: "ada\u200b" }), "BAD_REQUEST");
    expect(issuesOf(handle)[0].path).toBe("handle");

    // Nothing was stored: one prompt, one version, no comment, no rating, the profile unchanged.
    expect(await t.db.prompt.count({ where: { ownerId: actor.id } })).toBe(1);
    expect(await t.db.promptVersion.count({ where: { promptId: created.id } })).toBe(1);
    expect(await t.db.comment.count({ where: { promptId: created.id } })).toBe(0);
    expect(await t.db.rating.count({ where: { promptId: created.id } })).toBe(0);
  });

  it("refuses invisible or bidi-controlled listing terms and sample results", async () => {
    const { caller } = await makeUser(t.db);
    const prompt = await caller.prompt.create({ title: "For sale", category: "writing", body: "Sell {{me}}" });
    const refusals: [() => Promise<unknown>, string, string][] = [
      [() => caller.listing.create({ promptId: prompt.id, priceCents: 0, terms: ZW }), "terms", INVISIBLE_TEXT_MESSAGE],
      [() => caller.listing.create({ promptId: prompt.id, priceCents: 0, terms: `Use it ${RLO}freely` }), "terms", BIDI_CONTROL_MESSAGE],
      [() => caller.listing.create({ promptId: prompt.id, priceCents: 0, sampleResults: [{ title: ZW, output: "fine" }] }), "sampleResults.0.title", INVISIBLE_TEXT_MESSAGE],
      [() => caller.listing.create({ promptId: prompt.id, priceCents: 0, sampleResults: [{ title: "ok", output: `x${RLO}y` }] }), "sampleResults.0.output", BIDI_CONTROL_MESSAGE],
    ];
    for (const [call, field, message] of refusals) expect(issuesOf(await rejects(call(), "BAD_REQUEST"))).toContainEqual({ path: field, message });
    expect(await t.db.listing.count({ where: { promptId: prompt.id } })).toBe(0);
  });

  it("accepts ordinary text with joiners inside it, right-to-left scripts and emoji sequences", async () => {
    const { caller } = await makeUser(t.db);
    const p = await caller.prompt.create({ title: "مرحبا بالعالم", description: "क्‍ष with a joiner inside", category: "writing", body: "Body with a soft\u00adhyphen" });
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: p.id }, select: { title: true } })).toEqual({ title: "مرحبا بالعالم" });
    await expect(caller.social.comment({ promptId: p.id, body: "Family: 👩‍👩‍👧 שלום" })).resolves.toBeTruthy();
    await expect(caller.user.updateProfile({ name: "", bio: "" })).resolves.toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------
// Over HTTP: the same composition /api/trpc serves (http-handler.ts), with a test context.

const ENDPOINT = TRPC_ENDPOINT;

function httpApi(viewer: Viewer = null) {
  let contexts = 0;
  const handle = (request: Request) =>
    serveTrpcHttp(request, async () => {
      contexts++;
      return { db: t.db, viewer };
    });
  return { handle, contexts: () => contexts };
}

const url = (path: string, query = "") => `http://localhost${ENDPOINT}/${path}${query}`;
const post = (path: string, input: unknown) =>
  new Request(url(path), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(input)) });
type ErrorBody = { error: { json: { message: string; data: { httpStatus: number; code: string; fieldErrors: Record<string, string[]> | null } } } };

describe("over HTTP", () => {
  it("answers a NUL with 400 and data.fieldErrors naming the field, in several routers", async () => {
    const { actor } = await makeUser(t.db);
    const api = httpApi(actor);
    const cases: [string, unknown, string][] = [
      ["prompt.create", { title: "Nul\u0000", category: "writing", body: "x" }, "title"],
      ["social.comment", { promptId: "p1", body: "hi\u0000" }, "body"],
      ["listing.create", { promptId: "p1", priceCents: 0, sampleResults: [{ title: "t", output: "o\u0000" }] }, "sampleResults.0.output"],
      ["user.updateProfile", { bio: "\u0000" }, "bio"],
      ["apiKey.create", { name: "k\u0000" }, "name"],
    ];
    for (const [path, input, field] of cases) {
      const res = await api.handle(post(path, input));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.json.data).toMatchObject({ httpStatus: 400, code: "BAD_REQUEST", fieldErrors: { [field]: [NUL_MESSAGE] } });
      expect(body.error.json.message).toBe(`${field}: ${NUL_MESSAGE}`);
    }
    // Queries too (GET, input in the URL), anonymous.
    const search = await httpApi().handle(new Request(url("prompt.search", `?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ q: "a\u0000" })))}`)));
    expect(search.status).toBe(400);
    expect(((await search.json()) as ErrorBody).error.json.data.fieldErrors).toEqual({ q: [NUL_MESSAGE] });
  });

  it("refuses an input not in superjson's encoding with 400 saying what to send, instead of running as if asked nothing", async () => {
    const api = httpApi();
    const bare = (input: unknown) => url("prompt.search", `?input=${encodeURIComponent(JSON.stringify(input))}`);
    // A client without the transformer: its words would have been dropped and everything listed.
    for (const input of [{ q: "tutor" }, "tutor", [1], { json: { q: "tutor" }, extra: 1 }]) {
      const res = await api.handle(new Request(bare(input)));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.json.message).toBe(NOT_SUPERJSON_MESSAGE);
      expect(body.error.json.data).toMatchObject({ httpStatus: 400, code: "BAD_REQUEST" });
    }
    const { actor } = await makeUser(t.db);
    const bareMutation = await httpApi(actor).handle(new Request(url("prompt.create"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Bare", category: "writing", body: "x" }) }));
    expect(bareMutation.status).toBe(400);
    expect(((await bareMutation.json()) as ErrorBody).error.json.message).toBe(NOT_SUPERJSON_MESSAGE);
    // What the client sends: superjson's encoding, also of an absent input ({}), and no input at all.
    for (const query of [`?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ q: "tutor" })))}`, `?input=${encodeURIComponent("{}")}`, ""]) {
      expect((await api.handle(new Request(url("prompt.search", query)))).status).toBe(200);
    }
  });

  it("answers invisible text with 400 and the field, like any validation error", async () => {
    const { actor } = await makeUser(t.db);
    const res = await httpApi(actor).handle(post("prompt.create", { title: "\u200b\u200b\u200b", category: "writing", body: "x" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.json.data.fieldErrors).toEqual({ title: [INVISIBLE_TEXT_MESSAGE] });
  });

  const batch = (n: number) => {
    const paths = Array.from({ length: n }, () => "prompt.search").join(",");
    const inputs = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, superjson.serialize({ q: "anything" })]));
    return new Request(url(paths, `?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`));
  };

  it(`runs a batch of ${MAX_BATCH_CALLS} calls`, async () => {
    const api = httpApi();
    const res = await api.handle(batch(MAX_BATCH_CALLS));
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(MAX_BATCH_CALLS);
    expect(body.every((r) => (r as { result?: unknown }).result)).toBe(true);
  });

  it(`refuses a batch of ${MAX_BATCH_CALLS + 1} calls with a 400 saying so, before any procedure or context runs`, async () => {
    const api = httpApi();
    const res = await api.handle(batch(MAX_BATCH_CALLS + 1));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.json.message).toBe(`A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${MAX_BATCH_CALLS + 1}. Send the rest in another request.`);
    expect(body.error.json.data).toMatchObject({ httpStatus: 400, code: "BAD_REQUEST" });
    expect(api.contexts()).toBe(0);
    // Commas encoded in the path count the same, and tRPC's own cap stands behind ours.
    const encoded = batch(MAX_BATCH_CALLS + 1);
    const sneaky = new Request(encoded.url.replace(/,/g, "%2C"));
    expect((await api.handle(sneaky)).status).toBe(400);
    expect(trpcBatchOptions.maxBatchSize).toBe(MAX_BATCH_CALLS);
  });

  it("refuses a body over the cap with 413 without reading it to its end, declared or streamed", async () => {
    const { actor } = await makeUser(t.db);
    const api = httpApi(actor);
    // Declared too large: refused before a byte is read.
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        },
      });
    const declared = new Request(url("prompt.create"), {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(600 * 1024 * 1024) },
      body: endless(),
      duplex: "half",
    } as RequestInit);
    const refused = await api.handle(declared);
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as ErrorBody).error.json.data).toMatchObject({ httpStatus: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThanOrEqual(64 * 1024 * 2); // at most what the stream buffered ahead of the cancel

    // Chunked (no length): read up to the cap, then cancelled.
    pulled = 0;
    const chunked = new Request(url("prompt.create"), { method: "POST", headers: { "content-type": "application/json" }, body: endless(), duplex: "half" } as RequestInit);
    expect((await api.handle(chunked)).status).toBe(413);
    expect(pulled).toBeLessThan(MAX_TRPC_BODY_BYTES + 3 * 64 * 1024);
    expect(api.contexts()).toBe(0);

    // Under the cap, a large but legal body still works.
    const ok = await api.handle(post("prompt.create", { title: "Long one", category: "writing", body: "word ".repeat(9_000) }));
    expect(ok.status).toBe(200);
  });
});
