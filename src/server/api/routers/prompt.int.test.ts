import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { rejects } from "@/test/expect-trpc-error";

const t = setUpTestDatabase();

const body = "Summarise {{document}} for {{audience|executives}} in {{length}} bullet points.";

describe("prompt.create / bySlug", () => {
  it("creates a prompt with version 1 labelled latest, and reads it back", async () => {
    const { caller, user } = await makeUser(t.db);
    const created = await caller.prompt.create({ title: "Meeting Summariser", description: "Turns notes into bullets", category: "productivity", tags: ["Notes", "summary", "notes"], body });
    expect(created.slug).toBe("meeting-summariser");
    expect(created.version.number).toBe(1);

    const page = await anonymous(t.db).prompt.bySlug({ slug: created.slug });
    expect(page).toMatchObject({ id: created.id, title: "Meeting Summariser", visibility: "public", tags: ["notes", "summary"], owner: { handle: user.handle }, versionCount: 1, forkCount: 0 });
    expect(page.latestVersion?.body).toBe(body);
    expect(page.latestVersion?.variables).toEqual([{ name: "document" }, { name: "audience", default: "executives" }, { name: "length" }]);
    expect(page.labels.latest).toEqual({ id: created.version.id, number: 1 });
    expect(page.labels.production).toBeUndefined();
  });

  it("gives a second prompt with the same title a different slug", async () => {
    const { caller } = await makeUser(t.db);
    const a = await caller.prompt.create({ title: "Same Title", category: "writing", body: "x {{y}}" });
    const b = await caller.prompt.create({ title: "Same Title", category: "writing", body: "x {{y}}" });
    expect(a.slug).not.toBe(b.slug);
    expect(b.slug.startsWith("same-title-")).toBe(true);
  });

  it("rejects anonymous creation", async () => {
    await rejects(anonymous(t.db).prompt.create({ title: "Nope", category: "writing", body: "x" }), "UNAUTHORIZED");
  });

  it("names the bad fields and stores nothing", async () => {
    const { caller, user } = await makeUser(t.db);
    const error = await rejects(caller.prompt.create({ title: "x", category: "nonsense" as never, body: "   " }), "BAD_REQUEST");
    expect(error.message).toMatch(/title/);
    expect(error.message).toMatch(/category/);
    expect(error.message).toMatch(/body/);
    expect(await t.db.prompt.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it("hides private prompts from others with NOT_FOUND, shows them to the owner", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Secret sauce", category: "coding", body: "secret {{x}}", visibility: "private" });
    await rejects(other.caller.prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(other.caller.version.list({ promptId: p.id }), "NOT_FOUND");
    await rejects(other.caller.prompt.render({ versionId: p.version.id, variables: { x: "1" } }), "NOT_FOUND");
    await rejects(other.caller.prompt.fork({ versionId: p.version.id }), "NOT_FOUND");
    await rejects(other.caller.prompt.lineage({ promptId: p.id }), "NOT_FOUND");
    await rejects(other.caller.version.diff({ promptId: p.id, from: 1, to: 1 }), "NOT_FOUND");
    await rejects(other.caller.version.byId({ versionId: p.version.id }), "NOT_FOUND");
    await rejects(other.caller.prompt.update({ promptId: p.id, title: "Mine now" }), "NOT_FOUND");
    await rejects(other.caller.version.create({ promptId: p.id, body: "hijack" }), "NOT_FOUND");
    await rejects(other.caller.version.promote({ versionId: p.version.id }), "NOT_FOUND");
    const listed = await other.caller.prompt.list({ limit: 100, author: owner.user.handle });
    expect(listed.items.map((i) => i.id)).not.toContain(p.id);
    expect((await owner.caller.prompt.bySlug({ slug: p.slug })).isOwner).toBe(true);
    expect((await other.caller.user.byHandle({ handle: owner.user.handle })).promptCount).toBe(0);
    expect((await owner.caller.user.byHandle({ handle: owner.user.handle })).promptCount).toBe(1);
  });

  it("lets anyone with the link read an unlisted prompt but keeps it out of lists", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "By link only", category: "writing", body: "hello", visibility: "unlisted" });
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).id).toBe(p.id);
    const listed = await anonymous(t.db).prompt.list({ limit: 100, author: owner.user.handle });
    expect(listed.items).toHaveLength(0);
  });
});

describe("prompt.update", () => {
  it("changes metadata for the owner only", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Original", category: "writing", body: "b" });
    await rejects(other.caller.prompt.update({ promptId: p.id, title: "Hacked" }), "FORBIDDEN");
    await rejects(anonymous(t.db).prompt.update({ promptId: p.id, title: "Hacked" }), "UNAUTHORIZED");
    const updated = await owner.caller.prompt.update({ promptId: p.id, title: "Renamed", tags: ["a"], visibility: "unlisted", category: "coding" });
    expect(updated).toMatchObject({ title: "Renamed", tags: ["a"], visibility: "unlisted", category: "coding", slug: p.slug });
    await rejects(owner.caller.prompt.update({ promptId: p.id, title: "" }), "BAD_REQUEST", /title/);
    await rejects(owner.caller.prompt.update({ promptId: "does-not-exist", title: "Whatever" }), "NOT_FOUND");
  });
});

describe("versions", () => {
  it("appends immutable numbered versions; latest moves, production moves only on promote", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Versioned", category: "writing", body: "v1 {{a}}" });
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "v2 {{a}} {{b}}", changelog: "add b" });
    const v3 = await owner.caller.version.create({ promptId: p.id, body: "v3 {{a}}" });
    expect([v2.number, v3.number]).toEqual([2, 3]);

    let page = await owner.caller.prompt.bySlug({ slug: p.slug });
    expect(page.labels.latest.number).toBe(3);
    expect(page.labels.production).toBeUndefined();

    const promoted = await owner.caller.version.promote({ versionId: v2.id });
    expect(promoted).toMatchObject({ label: "production", number: 2 });
    await owner.caller.version.create({ promptId: p.id, body: "v4" });
    page = await owner.caller.prompt.bySlug({ slug: p.slug });
    expect(page.labels).toMatchObject({ latest: { number: 4 }, production: { number: 2 } });

    const list = await anonymous(t.db).version.list({ promptId: p.id, limit: 2 });
    expect(list.items.map((v) => v.number)).toEqual([4, 3]);
    const rest = await anonymous(t.db).version.list({ promptId: p.id, limit: 2, cursor: list.nextCursor });
    expect(rest.items.map((v) => v.number)).toEqual([2, 1]);
    expect(rest.nextCursor).toBeNull();
    expect(rest.items[0]).toMatchObject({ changelog: "add b", labels: ["production"], variables: [{ name: "a" }, { name: "b" }] });

    // The database itself refuses to change a version.
    await expect(t.db.promptVersion.update({ where: { id: v2.id }, data: { body: "tampered" } })).rejects.toThrow(/immutable/);
    expect((await anonymous(t.db).version.byId({ versionId: v2.id })).body).toBe("v2 {{a}} {{b}}");
  });

  it("only the owner adds versions or promotes", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Guarded", category: "writing", body: "x" });
    await rejects(other.caller.version.create({ promptId: p.id, body: "y" }), "FORBIDDEN");
    await rejects(other.caller.version.promote({ versionId: p.version.id }), "FORBIDDEN");
    await rejects(anonymous(t.db).version.create({ promptId: p.id, body: "y" }), "UNAUTHORIZED");
    await rejects(owner.caller.version.create({ promptId: p.id, body: "" }), "BAD_REQUEST", /body/);
    await rejects(owner.caller.version.create({ promptId: p.id, body: "x".repeat(50_001) }), "BAD_REQUEST", /body/);
    expect((await owner.caller.prompt.bySlug({ slug: p.slug })).versionCount).toBe(1);
  });

  it("numbers concurrent saves consecutively", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Busy", category: "writing", body: "0" });
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => owner.caller.version.create({ promptId: p.id, body: `v${i}` })));
    expect(made.map((v) => v.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("diffs any two versions", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Diffable", category: "writing", body: "line one\nline two\n" });
    await owner.caller.version.create({ promptId: p.id, body: "line one\nline 2\nline three\n" });
    const d = await anonymous(t.db).version.diff({ promptId: p.id, from: 1, to: 2 });
    expect(d).toMatchObject({ added: 2, removed: 1, unchanged: 1, from: { number: 1 }, to: { number: 2 } });
    const back = await anonymous(t.db).version.diff({ promptId: p.id, from: 2, to: 1 });
    expect(back).toMatchObject({ added: 1, removed: 2 });
    await rejects(anonymous(t.db).version.diff({ promptId: p.id, from: 1, to: 9 }), "NOT_FOUND", /Version 9/);
    await rejects(anonymous(t.db).version.diff({ promptId: p.id, from: 0, to: 1 }), "BAD_REQUEST", /from/);
  });
});

describe("prompt.render", () => {
  it("fills variables, uses defaults, reports unknown values", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Renderable", category: "writing", body });
    const r = await anonymous(t.db).prompt.render({ versionId: p.version.id, variables: { document: "the Q3 report", length: "5", mood: "happy" } });
    expect(r.text).toBe("Summarise the Q3 report for executives in 5 bullet points.");
    expect(r.defaultsUsed).toEqual(["audience"]);
    expect(r.unknownVariables).toEqual(["mood"]);
  });

  it("names every missing variable", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Needs vars", category: "writing", body });
    const error = await rejects(anonymous(t.db).prompt.render({ versionId: p.version.id, variables: {} }), "BAD_REQUEST");
    expect(error.message).toMatch(/\{\{document\}\}/);
    expect(error.message).toMatch(/\{\{length\}\}/);
    expect(error.message).not.toMatch(/audience/);
  });
});

describe("fork and lineage", () => {
  it("copies the chosen version, records the source, and builds lineage both ways", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const carol = await makeUser(t.db);
    const root = await alice.caller.prompt.create({ title: "Root prompt", category: "coding", body: "v1 body {{x}}" });
    await alice.caller.version.create({ promptId: root.id, body: "v2 body {{x}}" });

    const fork = await bob.caller.prompt.fork({ versionId: root.version.id, visibility: "public" });
    expect(fork.forkedFrom).toMatchObject({ promptId: root.id, number: 1 });
    const forkPage = await bob.caller.prompt.bySlug({ slug: fork.slug });
    expect(forkPage.owner.handle).toBe(bob.user.handle);
    expect(forkPage.latestVersion?.body).toBe("v1 body {{x}}");
    expect(forkPage.forkedFrom).toMatchObject({ versionNumber: 1, prompt: { id: root.id } });

    const grandchild = await carol.caller.prompt.fork({ versionId: fork.version.id, title: "Carol's take", visibility: "public" });
    const rootPage = await anonymous(t.db).prompt.bySlug({ slug: "root-prompt" });
    expect(rootPage.forkCount).toBe(1);

    const forks = await anonymous(t.db).prompt.forks({ promptId: root.id });
    expect(forks.items.map((f) => f.id)).toEqual([fork.id]);

    const fromRoot = await anonymous(t.db).prompt.lineage({ promptId: root.id });
    expect(fromRoot.ancestors).toEqual([]);
    expect(fromRoot.descendants.map((d) => [d.id, d.depth, d.parentId])).toEqual([
      [fork.id, 1, root.id],
      [grandchild.id, 2, fork.id],
    ]);
    const fromLeaf = await anonymous(t.db).prompt.lineage({ promptId: grandchild.id });
    expect(fromLeaf.ancestors.map((a) => a.id)).toEqual([fork.id, root.id]);
    expect(fromLeaf.ancestors[0].owner.handle).toBe(bob.user.handle);
  });

  it("leaves private forks out of other people's lineage", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const root = await alice.caller.prompt.create({ title: "Open root", category: "coding", body: "b" });
    const hidden = await bob.caller.prompt.fork({ versionId: root.version.id, visibility: "private" });
    expect((await anonymous(t.db).prompt.lineage({ promptId: root.id })).descendants).toEqual([]);
    expect((await bob.caller.prompt.lineage({ promptId: root.id })).descendants.map((d) => d.id)).toEqual([hidden.id]);
    expect((await anonymous(t.db).prompt.bySlug({ slug: "open-root" })).forkCount).toBe(0);
  });

  it("requires sign-in and a readable version", async () => {
    const alice = await makeUser(t.db);
    const root = await alice.caller.prompt.create({ title: "Forkable", category: "coding", body: "b" });
    await rejects(anonymous(t.db).prompt.fork({ versionId: root.version.id }), "UNAUTHORIZED");
    await rejects(alice.caller.prompt.fork({ versionId: "nope" }), "NOT_FOUND");
  });
});

describe("prompt.list", () => {
  it("paginates newest first with a cursor and caps the page size at 100", async () => {
    const owner = await makeUser(t.db);
    for (let i = 0; i < 5; i++) await owner.caller.prompt.create({ title: `Paged ${i}`, category: "research", body: "b" });
    const first = await anonymous(t.db).prompt.list({ author: owner.user.handle, limit: 3 });
    expect(first.items.map((p) => p.title)).toEqual(["Paged 4", "Paged 3", "Paged 2"]);
    const second = await anonymous(t.db).prompt.list({ author: owner.user.handle, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((p) => p.title)).toEqual(["Paged 1", "Paged 0"]);
    expect(second.nextCursor).toBeNull();
    await rejects(anonymous(t.db).prompt.list({ limit: 101 }), "BAD_REQUEST", /limit/);
    const byCategory = await anonymous(t.db).prompt.list({ category: "research", limit: 100 });
    expect(byCategory.items.every((p) => p.category === "research")).toBe(true);
  });
});

describe("input aliases", () => {
  it("accepts { id } for prompt.update and version ids for version.diff", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Alias test", category: "writing", body: "a\n" });
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "b\n" });
    expect((await owner.caller.prompt.update({ id: p.id, title: "Alias renamed" })).title).toBe("Alias renamed");
    await rejects(owner.caller.prompt.update({ title: "No id" }), "BAD_REQUEST", /promptId/);
    const d = await owner.caller.version.diff({ promptId: p.id, from: p.version.id, to: v2.id });
    expect(d).toMatchObject({ from: { number: 1 }, to: { number: 2 }, added: 1, removed: 1 });
    expect((await owner.caller.version.diff({ promptId: p.id, from: "1", to: "2" })).to.number).toBe(2);
  });
});
