// Typo tolerance, "did you mean", result counts and previous pages of prompt.search, through the
// router. Runs on PGlite, and on a PostgreSQL server when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";

let t: TestDatabase;
let author: Awaited<ReturnType<typeof makeUser>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  author = await makeUser(t.db, { handle: "typo-author" });
  const other = await makeUser(t.db, { handle: "typo-other" });
  const make = async (key: string, who: typeof author, input: Parameters<typeof author.caller.prompt.create>[0]) => {
    ids[key] = (await who.caller.prompt.create(input)).id;
  };
  // Research prompts reached three ways: the category, a title word, a body word.
  await make("litReview", author, { title: "Literature review outline", description: "Structure a review of sources", category: "research", tags: ["academic"], body: "Outline a literature review on {{topic}}." });
  await make("researchTitle", author, { title: "Research question sharpener", description: "Make a vague question precise", category: "education", body: "Sharpen {{question}}." });
  await make("researchBody", other, { title: "Interview guide", description: "Questions for user interviews", category: "productivity", body: "Plan the research interviews for {{product}}." });
  await make("kubernetes", other, { title: "Kubernetes incident postmortem", description: "Blameless postmortems", category: "productivity", tags: ["sre"], body: "Write a postmortem for {{incident}}." });
  // A private title must never be offered as a suggestion to someone else.
  await make("secret", author, { title: "Zeppelinator secret plans", category: "writing", body: "hidden", visibility: "private" });
  for (let i = 0; i < 5; i++) await make(`bulk${i}`, other, { title: `Bulk writing prompt ${i}`, category: "writing", tags: ["bulk"], body: `Body ${i}` });
});
afterAll(async () => {
  await t?.close();
});

describe("prompt.search typo tolerance", () => {
  it("finds the research prompts for 'reserch' (category, title and body) and says what it searched", async () => {
    const result = await anonymous(t.db).prompt.search({ q: "reserch" });
    expect(result.didYouMean).toBe("research");
    expect(result.items.map((i) => i.id).sort()).toEqual([ids.litReview, ids.researchTitle, ids.researchBody].sort());
    expect(result.total).toBe(3);
  });

  it("suggests the nearest term for a misspelt word, and nothing for a correct search", async () => {
    const typo = await anonymous(t.db).prompt.search({ q: "kubernetis postmortem" });
    expect(typo.didYouMean).toBe("kubernetes postmortem");
    expect(typo.items.map((i) => i.id)).toEqual([ids.kubernetes]);
    const exact = await anonymous(t.db).prompt.search({ q: "kubernetes" });
    expect(exact.didYouMean).toBeNull();
    expect(exact.items.map((i) => i.id)).toEqual([ids.kubernetes]);
  });

  it("returns no suggestion when no known word is near, and never suggests words of hidden prompts", async () => {
    const nonsense = await anonymous(t.db).prompt.search({ q: "qxzvwk" });
    expect(nonsense).toMatchObject({ items: [], didYouMean: null, total: 0 });
    expect((await anonymous(t.db).prompt.search({ q: "zeppelinatr" })).didYouMean).toBeNull();
    // The owner sees their private prompt, so its words are theirs to be corrected to.
    expect((await author.caller.prompt.search({ q: "zeppelinatr" })).didYouMean).toBe("zeppelinator");
  });

  it("corrects the same way under every sort", async () => {
    for (const sort of ["newest", "top_rated", "most_liked", "trending"] as const) {
      const result = await anonymous(t.db).prompt.search({ q: "reserch", sort });
      expect(result.didYouMean).toBe("research");
      expect(result.items.map((i) => i.id).sort()).toEqual([ids.litReview, ids.researchTitle, ids.researchBody].sort());
    }
  });

  it("keeps filters when correcting", async () => {
    const inResearch = await anonymous(t.db).prompt.search({ q: "reserch", category: "research" });
    expect(inResearch.items.map((i) => i.id)).toEqual([ids.litReview]);
    expect(inResearch.didYouMean).toBe("research");
  });
});

describe("prompt.search counts and pages", () => {
  it("counts every match and pages forwards and back to the same rows", async () => {
    const first = await anonymous(t.db).prompt.search({ category: "writing", limit: 2 });
    expect(first.total).toBe(5);
    expect(first.prevCursor).toBeNull();
    const second = await anonymous(t.db).prompt.search({ category: "writing", limit: 2, cursor: first.nextCursor });
    expect(second.total).toBe(5);
    expect(second.prevCursor).not.toBeNull();
    const third = await anonymous(t.db).prompt.search({ category: "writing", limit: 2, cursor: second.nextCursor });
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    const backToSecond = await anonymous(t.db).prompt.search({ category: "writing", limit: 2, cursor: third.prevCursor });
    expect(backToSecond.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    expect(backToSecond.nextCursor).not.toBeNull();
    const backToFirst = await anonymous(t.db).prompt.search({ category: "writing", limit: 2, cursor: backToSecond.prevCursor });
    expect(backToFirst.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(backToFirst.prevCursor).toBeNull();
  });

  it("returns the Bayesian score top_rated sorts by", async () => {
    const rater = await makeUser(t.db, { handle: "typo-rater" });
    await rater.caller.social.rate({ promptId: ids.kubernetes, stars: 5 });
    const [top] = (await anonymous(t.db).prompt.search({ sort: "top_rated", limit: 1 })).items;
    expect(top).toMatchObject({ id: ids.kubernetes, ratingCount: 1, ratingAverage: 5 });
    // (5 + 3 × 3) / (1 + 3)
    expect(top.ratingScore).toBeCloseTo(3.5);
  });
});
