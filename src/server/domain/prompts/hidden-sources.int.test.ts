// A prompt others cannot see must not show through what they can see: a public fork's changelog,
// the source version id that lists, search, the feed and the prompt page carry, or the suffix a new
// prompt's slug gets because the title's slug is taken.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { FORKED_FROM_HIDDEN_CHANGELOG } from "./fork-prompt";

const t = setUpTestDatabase();

/** Alice owns a private prompt and publishes a public fork of it; Bob follows her. */
async function publicForkOfPrivate(title: string) {
  const alice = await makeUser(t.db);
  const bob = await makeUser(t.db);
  await bob.caller.follow.follow({ handle: alice.user.handle });
  const secret = await alice.caller.prompt.create({ title, category: "coding", body: "secret {{x}}", visibility: "private" });
  const fork = await alice.caller.prompt.fork({ versionId: secret.version.id, title: `Open ${title}`, visibility: "public" });
  return { alice, bob, secret, fork };
}

describe("a public fork of a private prompt", () => {
  it("does not name its source in its changelog (a public source is still named)", async () => {
    const { alice, bob, secret, fork } = await publicForkOfPrivate("Zebra launch plan");
    const versions = await bob.caller.version.list({ promptId: fork.id });
    expect(versions.items[0].changelog).toBe(FORKED_FROM_HIDDEN_CHANGELOG);
    expect(JSON.stringify(versions)).not.toContain(secret.slug);
    expect(JSON.stringify(await anonymous(t.db).prompt.bySlug({ slug: fork.slug }))).not.toContain(secret.slug);

    const open = await alice.caller.prompt.create({ title: "Open source prompt", category: "coding", body: "b" });
    const openFork = await bob.caller.prompt.fork({ versionId: open.version.id, visibility: "public" });
    expect((await bob.caller.version.list({ promptId: openFork.id })).items[0].changelog).toBe(`Forked from ${open.slug} v1`);
    // Unlisted sources are not named either: their slug is their link.
    const unlisted = await alice.caller.prompt.create({ title: "Unlisted source", category: "coding", body: "b", visibility: "unlisted" });
    const unlistedFork = await bob.caller.prompt.fork({ versionId: unlisted.version.id, visibility: "public" });
    expect((await bob.caller.version.list({ promptId: unlistedFork.id })).items[0].changelog).toBe(FORKED_FROM_HIDDEN_CHANGELOG);
  });

  it("carries no source version id to those who cannot read the source, in lists, search, the feed and its page", async () => {
    const { alice, bob, secret, fork } = await publicForkOfPrivate("Quokka pricing memo");
    const hidden = { isFork: true, forkedFromVersionId: null };

    for (const viewer of [anonymous(t.db), bob.caller]) {
      const listed = (await viewer.prompt.list({ author: alice.user.handle, limit: 100 })).items.find((p) => p.id === fork.id);
      expect(listed).toMatchObject(hidden);
      const found = (await viewer.prompt.search({ q: "Quokka", limit: 20 })).items.find((p) => p.id === fork.id);
      expect(found).toMatchObject(hidden);
      const page = await viewer.prompt.bySlug({ slug: fork.slug });
      expect(page).toMatchObject({ ...hidden, forkedFromVersionNumber: null, forkedFrom: { versionId: null, prompt: null } });
      for (const item of [listed, found, page]) expect(JSON.stringify(item)).not.toContain(secret.version.id);
    }
    const feed = (await bob.caller.feed.mine({ limit: 50 })).items.find((i) => i.prompt.id === fork.id);
    expect(feed).toMatchObject({ kind: "fork", prompt: hidden });
    expect(JSON.stringify(feed)).not.toContain(secret.version.id);

    // The owner, who can read the source, still sees where it came from.
    const mine = (await alice.caller.prompt.list({ author: alice.user.handle, limit: 100 })).items.find((p) => p.id === fork.id);
    expect(mine).toMatchObject({ isFork: true, forkedFromVersionId: secret.version.id });
    expect(await alice.caller.prompt.bySlug({ slug: fork.slug })).toMatchObject({ forkedFromVersionId: secret.version.id, forkedFromVersionNumber: 1 });
    expect((await alice.caller.prompt.search({ q: "Quokka", limit: 20 })).items.find((p) => p.id === fork.id)).toMatchObject({ forkedFromVersionId: secret.version.id });
  });

  it("still shows a readable source's version to everyone", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const open = await alice.caller.prompt.create({ title: "Readable parent", category: "coding", body: "b" });
    const fork = await bob.caller.prompt.fork({ versionId: open.version.id, visibility: "public" });
    const listed = (await anonymous(t.db).prompt.list({ author: bob.user.handle, limit: 10 })).items.find((p) => p.id === fork.id);
    expect(listed).toMatchObject({ isFork: true, forkedFromVersionId: open.version.id });
    const forks = await anonymous(t.db).prompt.forks({ promptId: open.id });
    expect(forks.items[0]).toMatchObject({ id: fork.id, forkedFromVersionId: open.version.id, forkedFromVersionNumber: 1 });
  });
});

describe("slugs", () => {
  it("do not tell a newcomer that a hidden prompt with the same title exists", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const secret = await alice.caller.prompt.create({ title: "Narwhal roadmap", category: "coding", body: "b", visibility: "private" });
    const unlisted = await alice.caller.prompt.create({ title: "Narwhal roadmap", category: "coding", body: "b", visibility: "unlisted" });
    // Hidden prompts never take the title's bare slug, and their suffix is long and random.
    expect(secret.slug).toMatch(/^narwhal-roadmap-[0-9a-f]{12}$/);
    expect(unlisted.slug).toMatch(/^narwhal-roadmap-[0-9a-f]{12}$/);
    expect(unlisted.slug).not.toBe(secret.slug);
    // So Bob's public prompt gets the bare slug, exactly as if they did not exist.
    const mine = await bob.caller.prompt.create({ title: "Narwhal roadmap", category: "coding", body: "b" });
    expect(mine.slug).toBe("narwhal-roadmap");
    // A public prompt with a taken title gets a suffix, which only says what anyone can see at /p/narwhal-roadmap.
    const again = await alice.caller.prompt.create({ title: "Narwhal roadmap", category: "coding", body: "b" });
    expect(again.slug).toMatch(/^narwhal-roadmap-[0-9a-f]{6}$/);
  });

  it("keep a forked or captured hidden prompt's slug unguessable too", async () => {
    const alice = await makeUser(t.db);
    const open = await alice.caller.prompt.create({ title: "Walrus digest", category: "coding", body: "b" });
    const privateFork = await alice.caller.prompt.fork({ versionId: open.version.id, title: "Walrus digest private", visibility: "private" });
    expect(privateFork.slug).toMatch(/^walrus-digest-private-[0-9a-f]{12}$/);
  });
});
