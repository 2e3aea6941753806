import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { matchLibrary, MIN_CONSTANT_LENGTH } from "./match-library";

const t = setUpTestDatabase();

describe("rendered detection against the owner's library", () => {
  it("recognises a short prompt filled in, and leaves out bodies that would match anything", async () => {
    const owner = await makeUser(t.db);
    const short = await owner.caller.prompt.create({ title: "Short reply", category: "support", body: "V2 Reply to {{customer}} about {{issue}}." });
    await owner.caller.prompt.create({ title: "Anything", category: "support", body: "Say: {{text}}" });
    expect("V2Replytoabout.".length).toBeGreaterThanOrEqual(MIN_CONSTANT_LENGTH);

    expect(await matchLibrary(t.db, owner.user.id, ["V2 Reply to Ana about late delivery."])).toMatchObject({
      promptId: short.id,
      versionNumber: 1,
      values: { customer: "Ana", issue: "late delivery" },
    });
    // "Say: {{text}}" has too little constant text: "Say: hello" is not taken for a use of it.
    expect(await matchLibrary(t.db, owner.user.id, ["Say: hello"])).toBeNull();
    // Someone else's library is not this owner's.
    const other = await makeUser(t.db);
    expect(await matchLibrary(t.db, other.user.id, ["V2 Reply to Ana about late delivery."])).toBeNull();
  });
});
