// "PublicTitleWord" counts the public, live prompts whose title has each word (triggers on
// "Prompt"); "did you mean" finds title words there by trigram similarity. The counts follow every
// way a prompt changes, a word with a letter changed inside it is corrected (pg_trgm's word
// similarity, read from titles before, missed those), and a word only a private title has is
// offered to its owner alone.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

/** The counts as kept, against the counts from every title. */
async function counts() {
  const kept = await t.db.$queryRaw<{ word: string; uses: number }[]>`SELECT word, uses FROM "PublicTitleWord" ORDER BY word`;
  const truth = await t.db.$queryRaw<{ word: string; uses: number }[]>`
    SELECT w AS word, count(*)::int AS uses FROM (
      SELECT DISTINCT p.id, w FROM "Prompt" p CROSS JOIN LATERAL regexp_split_to_table(lower(p.title), '[^[:alnum:]]+') w
      WHERE p.visibility = 'public' AND p."archivedAt" IS NULL AND length(w) >= 3
    ) x GROUP BY w ORDER BY w`;
  return { kept, truth };
}
const usesOf = async (word: string) => (await t.db.$queryRaw<{ uses: number }[]>`SELECT uses FROM "PublicTitleWord" WHERE word = ${word}`)[0]?.uses ?? 0;

describe("public title words", () => {
  it("follow creation, edits, visibility, archiving, deletion and bulk inserts", async () => {
    const author = await makeUser(t.db);
    const a = await author.caller.prompt.create({ title: "Wombat wombat planner", category: "writing", body: "x" });
    const b = await author.caller.prompt.create({ title: "Wombat diary", category: "writing", body: "y" });
    const hidden = await author.caller.prompt.create({ title: "Quagga secrets", category: "writing", body: "z", visibility: "private" });
    // A word twice in one title counts the prompt once; words under 3 characters are not kept.
    expect([await usesOf("wombat"), await usesOf("planner"), await usesOf("quagga")]).toEqual([2, 1, 0]);

    await author.caller.prompt.update({ promptId: b.id, title: "Wombat journal" });
    await author.caller.prompt.update({ promptId: a.id, visibility: "private" });
    expect([await usesOf("wombat"), await usesOf("diary"), await usesOf("journal"), await usesOf("planner")]).toEqual([1, 0, 1, 0]);
    await author.caller.prompt.archive({ promptId: b.id });
    expect(await usesOf("wombat")).toBe(0);
    await author.caller.prompt.restore({ promptId: b.id });
    await author.caller.prompt.update({ promptId: hidden.id, visibility: "public" });
    expect([await usesOf("wombat"), await usesOf("quagga")]).toEqual([1, 1]);
    await author.caller.prompt.delete({ promptId: hidden.id });
    expect(await usesOf("quagga")).toBe(0);
    // Many rows in one statement (imports, bulk loads), then gone in one.
    await t.db.$executeRaw`
      INSERT INTO "Prompt" (id, slug, title, category, tags, visibility, "ownerId", "updatedAt")
      SELECT 'bulk-word-' || g, 'bulk-word-' || g, 'Wombat batch ' || (g % 2), 'writing', ARRAY[]::text[], 'public', ${author.user.id}, now()
      FROM generate_series(1, 10) g`;
    expect([await usesOf("wombat"), await usesOf("batch")]).toEqual([11, 10]);
    await t.db.$executeRaw`DELETE FROM "Prompt" WHERE id LIKE 'bulk-word-%'`;
    const { kept, truth } = await counts();
    expect(kept).toEqual(truth);
  });

  it("correct a title word with a letter changed inside it, and offer a private title's word only to its owner", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    await other.caller.prompt.create({ title: "A playful tutor for fractions", category: "writing", body: "Explain fractions with games." });
    // One letter changed in the middle: word similarity to the title is below 0.6, similarity to the word is 0.45.
    expect((await anonymous(t.db).prompt.search({ q: "plaxful" })).didYouMean).toBe("playful");
    await owner.caller.prompt.create({ title: "Marsupial ledger", category: "writing", body: "nothing to see", visibility: "private" });
    expect((await owner.caller.prompt.search({ q: "marsupail" })).didYouMean).toBe("marsupial");
    expect((await other.caller.prompt.search({ q: "marsupail" })).didYouMean).toBeNull();
    expect((await anonymous(t.db).prompt.search({ q: "marsupail" })).didYouMean).toBeNull();
  });
});
