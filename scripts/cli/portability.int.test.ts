// The CLI's import from promptfoo prompt files and a folder of Markdown files (fixtures in
// src/server/domain/portability/fixtures): what each file becomes, idempotency, a changed file
// appending a version, and the report by file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { importPrompts } from "@/server/domain/portability/import-prompts";
import { exportPromptsJsonl } from "@/server/domain/portability/export-prompts";
import { formatImportReport, PortabilityUsageError, readImportSource, runExport, runImport } from "./portability";

const t = setUpTestDatabase();
const FIXTURES = join(import.meta.dirname, "../../src/server/domain/portability/fixtures");
const work = mkdtempSync(join(tmpdir(), "pq-import-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("import from promptfoo prompt files", () => {
  it("makes one prompt per prompt promptfoo would read, with its variables", async () => {
    const { actor } = await makeUser(t.db);
    const items = readImportSource(join(FIXTURES, "promptfoo"), undefined, { category: "support" });
    const report = await importPrompts(t.db, actor, items);
    expect(report.results.map((r) => [r.at.file, r.at.line, r.outcome])).toEqual([
      ["chat.json", 1, "created"],
      ["customer_service.txt", 1, "created"],
      ["customer_service.txt", 5, "created"],
      ["system.md", 1, "created"],
      ["translate.yaml", 1, "created"],
    ]);
    const prompts = await t.db.prompt.findMany({ where: { ownerId: actor.id }, orderBy: { title: "asc" }, select: { title: true, visibility: true, category: true, versions: { select: { body: true, variables: true } } } });
    const byTitle = Object.fromEntries(prompts.map((p) => [p.title, p]));
    expect(Object.keys(byTitle)).toEqual(["Chat", "Customer service 1", "Customer service 2", "System", "Translate"]);
    expect(prompts.every((p) => p.visibility === "private" && p.category === "support")).toBe(true);
    expect(byTitle["Customer service 2"].versions[0]).toEqual({
      body: "Answer {{query|the last question}} for {{name}}.\n{% if premium %}Priority support.{% endif %}",
      variables: [{ name: "query", default: "the last question" }, { name: "name" }],
    });
    expect(report.results[2].message).toMatch(/filter "upper" on \{\{name\}\}/);
    expect(JSON.parse(byTitle.Chat.versions[0].body)).toEqual([
      { role: "system", content: "You are {{ persona }}, answering in {{language}}." },
      { role: "user", content: "{{question}}" },
    ]);
    expect(byTitle.Chat.versions[0].variables).toEqual([{ name: "persona" }, { name: "language" }, { name: "question" }]);
    expect(byTitle.Translate.versions[0].variables).toEqual([{ name: "language", default: "French" }, { name: "text" }]);
    expect(byTitle.System.versions[0].body).toMatch(/^# System Instructions\n\nYou are an AI assistant for \{\{company\}\}/);
  });

  it("refuses a prompt without a category, naming the field", async () => {
    const { actor } = await makeUser(t.db);
    const report = await importPrompts(t.db, actor, readImportSource(join(FIXTURES, "promptfoo", "system.md"), "promptfoo", {}));
    expect(report.results[0]).toMatchObject({ outcome: "invalid", message: expect.stringMatching(/^category: /) });
    expect(await t.db.prompt.count({ where: { ownerId: actor.id } })).toBe(0);
  });
});

describe("import from a folder of Markdown files with front matter", () => {
  it("imports each file, is idempotent, appends a version when a file changes, and reports by file", async () => {
    const { actor } = await makeUser(t.db);
    const folder = join(work, "markdown");
    cpSync(join(FIXTURES, "markdown"), folder, { recursive: true });
    const first = await importPrompts(t.db, actor, readImportSource(folder, undefined, {}));
    expect(first.results.map((r) => [r.at.file, r.outcome])).toEqual([
      ["code-review.md", "created"],
      ["team/broken.md", "invalid"],
      ["team/email-reply.md", "created"],
    ]);
    expect(first.results[1].message).toMatch(/^category: must be one of/);
    const review = await t.db.prompt.findUniqueOrThrow({ where: { slug: "code-review" }, select: { title: true, description: true, tags: true, visibility: true, category: true, versions: { select: { body: true, variables: true, modelSettings: true } } } });
    expect(review).toMatchObject({ title: "Code review checklist", category: "coding", visibility: "public", tags: ["code-review", "quality"] });
    expect(review.versions[0].variables).toEqual([{ name: "diff", description: "The unified diff to review" }, { name: "focus", default: "security" }]);
    expect(review.versions[0].modelSettings).toEqual({ model: "gpt-4o", temperature: 0.2 });
    const reply = await t.db.prompt.findFirstOrThrow({ where: { ownerId: actor.id, title: "Polite email reply" }, select: { slug: true, visibility: true, versions: { select: { modelSettings: true } } } });
    // A hidden prompt never holds a bare slug: a stable suffix from owner and path.
    expect(reply.slug).toMatch(/^team-email-reply-[0-9a-f]{12}$/);
    expect(reply.versions[0].modelSettings).toEqual({ model: "claude-sonnet-4", max_tokens: 800 });

    const again = await importPrompts(t.db, actor, readImportSource(folder, undefined, {}));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 1 });
    expect(await t.db.promptVersion.count({ where: { prompt: { ownerId: actor.id } } })).toBe(2);

    const file = join(folder, "code-review.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Focus on", "Above all, focus on"));
    const changed = await importPrompts(t.db, actor, readImportSource(folder, undefined, {}));
    expect(changed.results[0]).toMatchObject({ outcome: "updated", message: "added v2" });
    const latest = await t.db.promptLabel.findFirstOrThrow({ where: { prompt: { slug: "code-review" }, name: "latest" }, select: { version: { select: { number: true, body: true } } } });
    expect(latest.version.number).toBe(2);
    expect(latest.version.body).toMatch(/Above all, focus on/);

    writeFileSync(file, readFileSync(file, "utf8").replace("title: Code review checklist", "title: Renamed checklist"));
    const renamed = await importPrompts(t.db, actor, readImportSource(folder, undefined, {}));
    expect(renamed.results[0]).toMatchObject({ outcome: "conflict", message: expect.stringMatching(/differs in title/) });
    expect(formatImportReport(renamed)).toMatch(/^code-review\.md:1: conflict code-review — your prompt "code-review" differs in title; nothing imported$/m);
    expect(formatImportReport(renamed)).toMatch(/1 conflicts, 1 invalid\.$/);
  });

  it("runs as the CLI does: by owner handle, embedding what it imported, exporting to a file", async () => {
    const { actor } = await makeUser(t.db);
    const withDb = <T>(fn: (db: typeof t.db) => Promise<T>) => fn(t.db);
    const report = await runImport(withDb, { path: join(FIXTURES, "promptfoo", "system.md"), owner: `@${actor.handle}`, dryRun: false, category: "agents" });
    expect(report.results).toMatchObject([{ outcome: "created", at: { file: expect.stringMatching(/system\.md$/), line: 1 } }]);
    const prompt = await t.db.prompt.findFirstOrThrow({ where: { ownerId: actor.id }, select: { id: true, category: true } });
    expect(prompt.category).toBe("agents");
    // No job runner in the CLI: it embedded the prompt itself.
    expect(await t.db.promptEmbedding.count({ where: { promptId: prompt.id } })).toBe(1);
    const out = join(work, "export.jsonl");
    expect(await runExport(withDb, { owner: actor.handle, out })).toEqual({ owner: actor.handle, prompts: 1, out });
    expect(readFileSync(out, "utf8")).toBe(await exportPromptsJsonl(t.db, actor));
    await expect(runImport(withDb, { path: out, owner: "nobody-here", dryRun: false })).rejects.toThrow(/--owner: no user with handle nobody-here/);
    await expect(runExport(withDb, {})).rejects.toThrow(/--owner: is required/);
    // Without --owner an export goes back to the library it names: nothing new here, the same owner.
    const back = await runImport(withDb, { path: out, dryRun: false });
    expect(back.results).toMatchObject([{ outcome: "unchanged" }]);
    // Files that are not one export name no owner: --owner is required for them.
    await expect(runImport(withDb, { path: join(FIXTURES, "promptfoo", "system.md"), dryRun: true, category: "agents" })).rejects.toThrow(/--owner: is required/);
  });

  it("refuses an unknown --format and a path that does not exist", () => {
    expect(() => readImportSource(FIXTURES, "csv", {})).toThrow(PortabilityUsageError);
    expect(() => readImportSource(join(work, "nope"), undefined, {})).toThrow(/no such file or folder/);
  });
});
