// Export → import on a FRESH database reproduces every prompt and version byte for byte; a second
// import changes nothing; a dry run writes nothing; conflicts and invalid lines are reported by
// line number and leave nothing behind (not even half a prompt when the database refuses mid-way).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/prisma";
import { as, makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { exportPromptsJsonl } from "./export-prompts";
import { importPrompts } from "./import-prompts";
import { parseJsonl } from "./parse-import-files";

const OWNER = "porter";
const AUTHOR = "origin-author";
const databases: TestDatabase[] = [];
async function freshDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database.db;
}
afterAll(async () => {
  for (const d of databases) await d.close();
});

/** The same two accounts on any database, and the other author's public prompt that a fork comes from. */
async function accounts(db: Db) {
  const owner = await makeUser(db, { handle: OWNER });
  const author = await makeUser(db, { handle: AUTHOR });
  const source = await author.caller.prompt.create({ title: "Source Prompt", category: "writing", body: "Rewrite {{text}} plainly." });
  return { owner, author, source };
}

/** Every version's stored content, by slug and number, for comparing two databases directly. */
async function versionsOf(db: Db, ownerHandle: string) {
  const rows = await db.promptVersion.findMany({
    where: { prompt: { owner: { handle: ownerHandle } } },
    orderBy: [{ prompt: { slug: "asc" } }, { number: "asc" }],
    select: { number: true, body: true, variables: true, modelSettings: true, changelog: true, status: true, createdAt: true, prompt: { select: { slug: true } } },
  });
  return rows.map((r) => ({ slug: r.prompt.slug, number: r.number, body: r.body, variables: r.variables, modelSettings: r.modelSettings, changelog: r.changelog, status: r.status, createdAt: r.createdAt.toISOString() }));
}

async function rowCounts(db: Db) {
  return {
    prompts: await db.prompt.count(),
    versions: await db.promptVersion.count(),
    labels: await db.promptLabel.count(),
    moves: await db.promptLabelMove.count(),
    updatedAt: (await db.prompt.findMany({ orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } })).map((p) => `${p.slug}@${p.updatedAt.toISOString()}`),
  };
}

let source: Db;
let exported: string;
let summariserSlug: string;

beforeAll(async () => {
  source = await freshDatabase();
  const { owner, source: theirs } = await accounts(source);
  const api = owner.caller;
  const summariser = await api.prompt.create({
    title: "Meeting Summariser",
    description: "Turns notes into bullets",
    category: "productivity",
    tags: ["Notes", "summary"],
    body: "Summarise {{document}} for {{audience|executives}}.",
    variables: [{ name: "document", description: "The notes" }],
    modelSettings: { model: "gpt-4o", temperature: 0.3 },
  });
  summariserSlug = summariser.slug;
  const v2 = await api.version.create({ promptId: summariser.id, body: "Summarise {{document}} for {{audience|executives}} in {{length}} bullets.", changelog: "Length", modelSettings: { temperature: 0.2, model: "gpt-4o-mini", stop: ["\n\n"] } });
  const v3 = await api.version.create({ promptId: summariser.id, body: "Summarise {{document}} — « précis », 要約 👋\n\tfor {{audience}}.", changelog: "Unicode and tabs" });
  await api.version.promote({ versionId: v2.id });
  await api.version.deprecate({ versionId: (await source.promptVersion.findFirstOrThrow({ where: { promptId: summariser.id, number: 1 } })).id, replacedByVersionId: v2.id, note: "Use v2" });
  // A custom label splitting traffic (the labels domain writes these rows; here directly).
  await source.promptLabel.create({ data: { promptId: summariser.id, name: "staging", versionId: v3.id, splitVersionId: v2.id, splitPercent: 30 } });
  await api.prompt.fork({ versionId: v2.id, title: "My own fork", visibility: "private" });
  await api.prompt.fork({ versionId: theirs.version.id, title: "Fork of theirs", visibility: "public" });
  const archived = await api.prompt.create({ title: "Old private thing", category: "coding", visibility: "private", body: "Old {{x}}" });
  await api.prompt.archive({ promptId: archived.id });
  await api.prompt.create({ title: "Unlisted helper", category: "research", visibility: "unlisted", body: "Find {{topic}} papers." });
  exported = await exportPromptsJsonl(source, owner.actor);
});

describe("export", () => {
  it("writes one line per personal prompt with every version, labels, tags, lineage", () => {
    const lines = exported.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.title)).toEqual(["Meeting Summariser", "My own fork", "Fork of theirs", "Old private thing", "Unlisted helper"]);
    const summariser = lines[0] as { tags: string[]; versions: { number: number; replacedBy: number | null; deprecationNote: string }[]; labels: unknown[] };
    expect(summariser.tags).toEqual(["notes", "summary"]);
    expect(summariser.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(summariser.versions[0]).toMatchObject({ replacedBy: 2, deprecationNote: "Use v2" });
    expect(summariser.labels).toEqual([
      { name: "latest", version: 3, splitVersion: null, splitPercent: 0 },
      { name: "production", version: 2, splitVersion: null, splitPercent: 0 },
      { name: "staging", version: 3, splitVersion: 2, splitPercent: 30 },
    ]);
    expect(lines[1].forkedFrom).toEqual({ slug: summariserSlug, version: 2 });
    expect(lines[2].forkedFrom).toEqual({ slug: "source-prompt", version: 1 });
    expect(lines[3].archivedAt).toEqual(expect.any(String));
  });

  it("gives the same bytes twice", async () => {
    const owner = await source.user.findUniqueOrThrow({ where: { handle: OWNER } });
    expect(await exportPromptsJsonl(source, owner)).toBe(exported);
  });
});

describe("round trip on a fresh database", () => {
  let target: Db;
  let ownerActor: { id: string; handle: string; role: "user" | "admin" };

  beforeAll(async () => {
    target = await freshDatabase();
    ownerActor = (await accounts(target)).owner.actor;
  });

  it("imports every line, and exports exactly the same bytes", async () => {
    const report = await importPrompts(target, ownerActor, parseJsonl(exported, "export.jsonl"));
    expect(report.results.map((r) => [r.at.line, r.outcome])).toEqual([[1, "created"], [2, "created"], [3, "created"], [4, "created"], [5, "created"]]);
    const again = await exportPromptsJsonl(target, ownerActor);
    expect(Buffer.from(again, "utf8").equals(Buffer.from(exported, "utf8"))).toBe(true);
  });

  it("stores each version's body, variables and model settings as they were", async () => {
    const before = await versionsOf(source, OWNER);
    const after = await versionsOf(target, OWNER);
    expect(after).toHaveLength(7);
    expect(after).toEqual(before);
  });

  it("keeps lineage and counters (the other author's public fork count)", async () => {
    const count = async (db: Db) => (await db.prompt.findUniqueOrThrow({ where: { slug: "source-prompt" } })).forkCount;
    expect(await count(target)).toBe(await count(source));
    expect(await count(target)).toBe(1);
    const fork = await target.prompt.findFirstOrThrow({ where: { title: "My own fork" }, select: { forkedFromVersion: { select: { number: true, prompt: { select: { slug: true } } } } } });
    expect(fork.forkedFromVersion).toEqual({ number: 2, prompt: { slug: summariserSlug } });
  });

  it("the imported prompt renders and reads as the original (production, split label)", async () => {
    const page = await as(target, ownerActor).prompt.bySlug({ slug: summariserSlug });
    expect(page.labels.production?.number).toBe(2);
    expect(page.labels.latest?.number).toBe(3);
    const staging = await target.promptLabel.findFirstOrThrow({ where: { name: "staging" }, select: { splitPercent: true, version: { select: { number: true } }, splitVersion: { select: { number: true } } } });
    expect(staging).toEqual({ splitPercent: 30, version: { number: 3 }, splitVersion: { number: 2 } });
  });

  it("a second import changes nothing", async () => {
    const before = await rowCounts(target);
    const report = await importPrompts(target, ownerActor, parseJsonl(exported, "export.jsonl"));
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 5, conflict: 0, invalid: 0 });
    expect(await rowCounts(target)).toEqual(before);
    expect(await exportPromptsJsonl(target, ownerActor)).toBe(exported);
  });

  it("appends versions the file has and the database lacks, and its labels follow", async () => {
    const owner = await source.user.findUniqueOrThrow({ where: { handle: OWNER } });
    const summariser = await source.prompt.findUniqueOrThrow({ where: { slug: summariserSlug } });
    await as(source, owner).version.create({ promptId: summariser.id, body: "Summarise {{document}} in one line.", changelog: "Shorter" });
    const newer = await exportPromptsJsonl(source, owner);
    const report = await importPrompts(target, ownerActor, parseJsonl(newer, "newer.jsonl"));
    expect(report.results.map((r) => r.outcome)).toEqual(["updated", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(report.results[0].message).toMatch(/added 1 version \(v4–v4\)/);
    expect(await exportPromptsJsonl(target, ownerActor)).toBe(newer);
    // The older file is now behind: nothing changes, nothing is lost.
    const behind = await importPrompts(target, ownerActor, parseJsonl(exported, "export.jsonl"));
    expect(behind.counts).toMatchObject({ unchanged: 5, conflict: 0 });
    expect(behind.results[0].message).toMatch(/and more \(v4\)/);
  });
});

describe("dry run", () => {
  it("reports what a real import would do and writes nothing", async () => {
    const target = await freshDatabase();
    const { owner } = await accounts(target);
    const before = await rowCounts(target);
    const report = await importPrompts(target, owner.actor, parseJsonl(exported, "export.jsonl"), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts).toEqual({ created: 5, updated: 0, unchanged: 0, conflict: 0, invalid: 0 });
    expect(await rowCounts(target)).toEqual(before);
    const real = await importPrompts(target, owner.actor, parseJsonl(exported, "export.jsonl"));
    expect(real.results.map((r) => [r.outcome, r.message])).toEqual(report.results.map((r) => [r.outcome, r.message]));
  });
});

describe("conflicts and invalid lines", () => {
  let target: Db;
  let actor: { id: string; handle: string; role: "user" | "admin" };
  const first = () => JSON.parse(exported.split("\n")[0]) as { slug: string; title: string; versions: { body: string }[]; labels: { name: string; version: number }[] };
  const fresh = (slug: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ promptuary: 1, slug, title: `Prompt ${slug}`, category: "writing", visibility: "public", createdAt: "2026-01-02T03:04:05.678Z", versions: [{ number: 1, body: "Hello {{name}}", createdAt: "2026-01-02T03:04:05.678Z", decidedAt: "2026-01-02T03:04:05.678Z" }], labels: [{ name: "latest", version: 1 }], ...extra });

  beforeAll(async () => {
    target = await freshDatabase();
    actor = (await accounts(target)).owner.actor;
    await importPrompts(target, actor, parseJsonl(exported, "export.jsonl"));
    // The database refuses a label named "explode" (a test-only trigger): a failure after the
    // prompt and its versions were inserted, which must leave none of them.
    await target.$executeRawUnsafe(`CREATE FUNCTION test_explode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = 'explode' THEN RAISE EXCEPTION 'label refused by test trigger'; END IF; RETURN NEW; END $$`);
    await target.$executeRawUnsafe(`CREATE TRIGGER test_explode BEFORE INSERT ON "PromptLabel" FOR EACH ROW EXECUTE FUNCTION test_explode()`);
  });

  function file() {
    const changed = first();
    changed.versions[0].body = "Something else entirely";
    const badCategory = JSON.parse(fresh("bad-category")) as Record<string, unknown>;
    badCategory.category = "cooking";
    const exploding = JSON.parse(fresh("half-a-prompt")) as { labels: unknown[] };
    exploding.labels.push({ name: "explode", version: 1 });
    return [
      exported.split("\n")[0], // 1: unchanged
      "{not json", // 2
      JSON.stringify(changed), // 3: a stored version differs
      JSON.stringify(badCategory), // 4
      fresh("source-prompt"), // 5: someone else's slug
      "", // 6: blank lines are skipped silently
      fresh("brand-new"), // 7
      JSON.stringify(exploding), // 8: the database refuses it half-way
      fresh("nul-body", { versions: [{ number: 1, body: "bad \u0000 byte", createdAt: "2026-01-02T03:04:05.678Z" }] }), // 9
      fresh("bad-labels", { labels: [{ name: "latest", version: 2 }, { name: "Prod!", version: 1 }] }), // 10
    ].join("\n");
  }

  it("reports each by line number, imports the rest, and leaves no trace of the failed ones", async () => {
    const v1Before = await target.promptVersion.findFirstOrThrow({ where: { prompt: { slug: summariserSlug }, number: 1 } });
    const report = await importPrompts(target, actor, parseJsonl(file(), "mixed.jsonl"));
    const byLine = Object.fromEntries(report.results.map((r) => [r.at.line, r]));
    expect(report.results.map((r) => [r.at.line, r.outcome])).toEqual([
      [1, "unchanged"],
      [2, "invalid"],
      [3, "conflict"],
      [4, "invalid"],
      [5, "conflict"],
      [7, "created"],
      [8, "conflict"],
      [9, "invalid"],
      [10, "invalid"],
    ]);
    expect(byLine[2].message).toMatch(/not JSON/);
    expect(byLine[3].message).toMatch(/v1 body/);
    expect(byLine[4].message).toMatch(/^category: must be one of/);
    expect(byLine[5].message).toMatch(/taken by a prompt that is not one of yours/);
    expect(byLine[8].message).toMatch(/label refused by test trigger/);
    expect(byLine[9].message).toMatch(/versions\.0\.body: cannot contain NUL/);
    expect(byLine[10].message).toMatch(/labels\.0\.version: names v2/);
    expect(byLine[10].message).toMatch(/labels\.1\.name/);
    // Nothing of the refused lines was stored; the stored version is untouched.
    for (const slug of ["bad-category", "half-a-prompt", "nul-body", "bad-labels"]) expect(await target.prompt.count({ where: { slug } })).toBe(0);
    expect(await target.promptVersion.count({ where: { prompt: { slug: "half-a-prompt" } } })).toBe(0);
    expect(await target.promptVersion.findFirstOrThrow({ where: { prompt: { slug: summariserSlug }, number: 1 } })).toEqual(v1Before);
    expect((await target.prompt.findUniqueOrThrow({ where: { slug: "source-prompt" } })).ownerId).not.toBe(actor.id);
    expect(await target.prompt.count({ where: { slug: "brand-new", ownerId: actor.id } })).toBe(1);
  });

  it("a dry run of the same file reports the same, writes nothing, and survives the database's refusal", async () => {
    await target.prompt.delete({ where: { slug: "brand-new" } });
    const before = await rowCounts(target);
    const dry = await importPrompts(target, actor, parseJsonl(file(), "mixed.jsonl"), { dryRun: true });
    expect(dry.results.map((r) => [r.at.line, r.outcome])).toEqual([
      [1, "unchanged"],
      [2, "invalid"],
      [3, "conflict"],
      [4, "invalid"],
      [5, "conflict"],
      [7, "created"],
      [8, "conflict"],
      [9, "invalid"],
      [10, "invalid"],
    ]);
    expect(await rowCounts(target)).toEqual(before);
  });
});
