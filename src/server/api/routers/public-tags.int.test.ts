// "PublicTag" counts the public, live prompts carrying each tag (triggers on "Prompt"); the tag input
// and "did you mean" read it. The counts follow every way a prompt changes, and a tag only a private
// prompt carries is offered to its owner alone.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

/** The counts as kept, against the counts from every prompt's tags. */
async function counts() {
  const kept = await t.db.$queryRaw<{ tag: string; uses: number }[]>`SELECT tag, uses FROM "PublicTag" ORDER BY tag`;
  const truth = await t.db.$queryRaw<{ tag: string; uses: number }[]>`
    SELECT x.t AS tag, count(*)::int AS uses FROM (SELECT DISTINCT p.id, unnest(p.tags) AS t FROM "Prompt" p WHERE p.visibility = 'public' AND p."archivedAt" IS NULL) x
    GROUP BY x.t ORDER BY x.t`;
  return { kept, truth };
}
const usesOf = async (tag: string) => (await t.db.$queryRaw<{ uses: number }[]>`SELECT uses FROM "PublicTag" WHERE tag = ${tag}`)[0]?.uses ?? 0;

describe("public tag counts", () => {
  it("follow creation, edits, visibility, archiving, deletion and bulk inserts", async () => {
    const author = await makeUser(t.db);
    const a = await author.caller.prompt.create({ title: "Tagged one", category: "writing", tags: ["zebra-crossing", "kelp"], body: "x" });
    const b = await author.caller.prompt.create({ title: "Tagged two", category: "writing", tags: ["kelp"], body: "y" });
    const hidden = await author.caller.prompt.create({ title: "Tagged hidden", category: "writing", tags: ["quokka"], body: "z", visibility: "private" });
    expect([await usesOf("kelp"), await usesOf("zebra-crossing"), await usesOf("quokka")]).toEqual([2, 1, 0]);

    await author.caller.prompt.update({ promptId: b.id, tags: ["kelp", "narwhal"] });
    await author.caller.prompt.update({ promptId: a.id, visibility: "private" });
    expect([await usesOf("kelp"), await usesOf("zebra-crossing"), await usesOf("narwhal")]).toEqual([1, 0, 1]);
    await author.caller.prompt.archive({ promptId: b.id });
    expect(await usesOf("kelp")).toBe(0);
    await author.caller.prompt.restore({ promptId: b.id });
    await author.caller.prompt.update({ promptId: hidden.id, visibility: "public" });
    expect([await usesOf("kelp"), await usesOf("quokka")]).toEqual([1, 1]);
    await author.caller.prompt.delete({ promptId: hidden.id });
    expect(await usesOf("quokka")).toBe(0);
    // Many rows in one statement (imports, bulk loads), then gone in one.
    await t.db.$executeRaw`
      INSERT INTO "Prompt" (id, slug, title, category, tags, visibility, "ownerId", "updatedAt")
      SELECT 'bulk-tag-' || g, 'bulk-tag-' || g, 'Bulk ' || g, 'writing', ARRAY['kelp', 'bulk-' || (g % 2)], 'public', ${author.user.id}, now()
      FROM generate_series(1, 10) g`;
    expect([await usesOf("kelp"), await usesOf("bulk-0"), await usesOf("bulk-1")]).toEqual([11, 5, 5]);
    await t.db.$executeRaw`DELETE FROM "Prompt" WHERE id LIKE 'bulk-tag-%'`;
    const { kept, truth } = await counts();
    expect(kept).toEqual(truth);
  });

  it("offer a private prompt's tag only to its owner, in the tag input never", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    await owner.caller.prompt.create({ title: "Secret notes", category: "writing", tags: ["xylophonist"], body: "nothing to see", visibility: "private" });
    // Mistyped: only the owner is told what they may have meant.
    expect((await owner.caller.prompt.search({ q: "xylophonest" })).didYouMean).toBe("xylophonist");
    expect((await other.caller.prompt.search({ q: "xylophonest" })).didYouMean).toBeNull();
    expect((await anonymous(t.db).prompt.search({ q: "xylophonest" })).didYouMean).toBeNull();
    expect((await anonymous(t.db).prompt.tagSuggestions({ query: "xylo" })).items).toEqual([]);
    await other.caller.prompt.create({ title: "Band practice", category: "writing", tags: ["xylophonist"], body: "scales" });
    expect((await anonymous(t.db).prompt.search({ q: "xylophonest" })).didYouMean).toBe("xylophonist");
    expect((await anonymous(t.db).prompt.tagSuggestions({ query: "xylo" })).items).toEqual([{ tag: "xylophonist", uses: 1 }]);
  });
});
