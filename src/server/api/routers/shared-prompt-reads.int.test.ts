// The parts of a prompt page that are shared between viewers while the page cache is on
// (domain/access/public-reads.ts): versions, what the viewer may do with them, lineage and similar
// prompts for people who see what anonymous visitors see; reviews and comments for everyone who
// may read the prompt. Owners, organisation members, license holders and admins must still get
// exactly their own answer, whoever asked first, and a write must show once the generation moves.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sharePublicReads } from "@/server/domain/access/public-reads";
import { embedAllPrompts } from "@/server/domain/embeddings/prompt-embeddings";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { anonymous, makeUser } from "@/test/callers";
import { makeMember, makeOrg, makeOrgPrompt } from "@/test/org-fixtures";
import { grantLicense, listForSale } from "@/test/paid-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
type User = Awaited<ReturnType<typeof makeUser>>;
type Caller = User["caller"] | ReturnType<typeof anonymous>;

const TEA = "You are a tea sommelier. Recommend three loose-leaf teas for {{mood}}, with brewing temperature, steeping time and tasting notes for each.";
const TEA_TWIN = "You are a tea sommelier. Recommend three loose leaf teas for a {{occasion}}, giving brewing temperature, steeping time and tasting notes for each one.";

let generation = 0;
beforeAll(() => {
  process.env.EMBEDDING_PROVIDER = "local";
});
beforeEach(() => sharePublicReads({ generation: () => generation, writing: () => false, ttlMs: 60_000 }));
afterEach(() => sharePublicReads(null));

/** Everything the prompt page asks about a prompt, as this caller. */
async function promptPage(caller: Caller, promptId: string) {
  const [versions, abilities, lineage, similar, ratings, comments] = await Promise.all([
    caller.version.list({ promptId, limit: 100 }),
    caller.version.abilities({ promptId }),
    caller.prompt.lineage({ promptId }),
    caller.prompt.similar({ promptId }),
    caller.social.ratings({ promptId, limit: 10 }),
    caller.social.comments({ promptId, limit: 20 }),
  ]);
  return { versions, abilities, lineage, similar, ratings, comments };
}

describe("shared prompt page reads", () => {
  it("give a signed-in reader with nothing of their own exactly the anonymous answer, and each of them their own rating", async () => {
    const author = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const reader = await makeUser(t.db);
    const target = await author.caller.prompt.create({ title: "Tea pairing", category: "productivity", body: TEA });
    await fan.caller.prompt.create({ title: "Tea for the occasion", category: "productivity", body: TEA_TWIN });
    await fan.caller.prompt.fork({ versionId: target.version.id, visibility: "public" });
    await fan.caller.social.comment({ promptId: target.id, body: "Lovely with oolong." });
    const critic = await makeUser(t.db);
    await critic.caller.social.rate({ promptId: target.id, stars: 4, review: "Good notes." });
    await embedAllPrompts(t.db, localEmbedder);

    const asAnonymous = await promptPage(anonymous(t.db), target.id);
    expect(asAnonymous.similar.items.length).toBeGreaterThan(0);
    expect(asAnonymous.lineage.counts.directForks).toBe(1);
    const asReader = await promptPage(reader.caller, target.id);
    expect(asReader).toEqual(asAnonymous);
    // The critic (who owns nothing either) shares the reviews but keeps their own rating.
    const asCritic = await promptPage(critic.caller, target.id);
    expect(asCritic.ratings.mine).toMatchObject({ stars: 4 });
    expect(asCritic.ratings.items).toEqual(asAnonymous.ratings.items);
    expect(asReader.ratings.mine).toBeNull();
  });

  it("never give the owner, a license holder, an organisation member or an admin what others were told", async () => {
    const seller = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const reader = await makeUser(t.db);
    const admin = await makeUser(t.db, { role: "admin" });
    const paid = await seller.caller.prompt.create({ title: "Paid tea", category: "productivity", body: "PAID-BODY for {{mood}}" });
    await grantLicense(t.db, buyer, await listForSale(t.db, seller, paid.id));
    const privateFork = await seller.caller.prompt.fork({ versionId: paid.version.id, visibility: "private" });

    const org = await makeOrg(t.db);
    const editor = await makeMember(t.db, org.id, "admin");
    const contributor = await makeMember(t.db, org.id, "contributor");
    const orgPrompt = await makeOrgPrompt(t.db, org.id, editor, { title: "Team tea" });
    const proposal = await contributor.caller.version.propose({ promptId: orgPrompt.id, body: "PROPOSED-BODY {{topic}}" });

    // The reader asks first, twice: from then on their answers are the shared ones.
    for (let i = 0; i < 2; i++) {
      const page = await promptPage(reader.caller, paid.id);
      expect(page.versions.items[0]).toMatchObject({ body: null, bodyLocked: true });
      expect(page.lineage.counts.directForks).toBe(0);
      expect(page.abilities.publish).toBe(false);
      expect(page.ratings.cannotRateReason).not.toBeNull();
      const team = await promptPage(reader.caller, orgPrompt.id);
      expect(team.versions.items.map((v) => v.id)).not.toContain(proposal.id);
    }

    const bought = await promptPage(buyer.caller, paid.id);
    expect(bought.versions.items[0]).toMatchObject({ body: "PAID-BODY for {{mood}}", bodyLocked: false });
    expect(bought.ratings.cannotRateReason).toBeNull();

    const owned = await promptPage(seller.caller, paid.id);
    expect(owned.versions.items[0]?.body).toBe("PAID-BODY for {{mood}}");
    expect(owned.abilities.publish).toBe(true);
    expect(owned.lineage.descendants.map((d) => d.id)).toEqual([privateFork.id]);

    const member = await promptPage(editor.caller, orgPrompt.id);
    expect(member.versions.items.map((v) => v.id)).toContain(proposal.id);
    expect(member.abilities).toMatchObject({ approve: true, seeUnapproved: true });

    const asAdmin = await promptPage(admin.caller, paid.id);
    expect(asAdmin.versions.items[0]?.body).toBe("PAID-BODY for {{mood}}");
    expect(asAdmin.lineage.descendants.map((d) => d.id)).toEqual([privateFork.id]);
  });

  it("show a new comment and a new review once a write moves the generation", async () => {
    const author = await makeUser(t.db);
    const reader = await makeUser(t.db);
    const writer = await makeUser(t.db);
    const target = await author.caller.prompt.create({ title: "Tea timer", category: "productivity", body: "Steep {{tea}}." });
    expect((await promptPage(reader.caller, target.id)).comments.items).toEqual([]);
    await writer.caller.social.comment({ promptId: target.id, body: "Three minutes is right." });
    await writer.caller.social.rate({ promptId: target.id, stars: 5 });
    // Shared answers stand until the page cache says a write happened (the real server moves the
    // generation when a write starts and when it ends; here the test moves it).
    expect((await promptPage(reader.caller, target.id)).comments.items).toEqual([]);
    generation++;
    const after = await promptPage(reader.caller, target.id);
    expect(after.comments.items.map((c) => c.body)).toEqual(["Three minutes is right."]);
    expect(after.ratings).toMatchObject({ ratingCount: 1, items: [{ stars: 5 }] });
  });
});
