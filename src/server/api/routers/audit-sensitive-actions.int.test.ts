// The existing sensitive actions write their audit entries, with who, what, from → to and the
// request's IP and user agent: listing price and status changes, refunds (from Stripe's events),
// provider keys added and removed, password / email changes and account deletion (and refused
// attempts at them with a wrong current password), and sign-in locks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/domain/actor";
import { makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { withFakeStripe } from "@/test/with-fake-stripe";
import { SIGN_IN_LIMITS, signInWithPassword } from "@/server/domain/users/sign-in-throttle";

const t = setUpTestDatabase();
const fake = withFakeStripe(t, "whsec_test_audit_secret");

const REQUEST = { ip: "198.51.100.7", userAgent: "AuditTest/1.0 (integration)" };
const PASSWORD = "correct horse battery";

/** A caller for this user whose requests carry REQUEST's address and user agent, as over HTTP. */
const withRequest = (actor: Actor) => createCaller({ db: t.db, viewer: actor, request: REQUEST });

async function person() {
  const made = await makeUser(t.db);
  return { ...made, api: withRequest(made.actor) };
}

const entriesOf = (where: { actorId?: string | null; action?: string; targetId?: string }) => t.db.auditEntry.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const savedSecret = process.env.PROVIDER_KEY_SECRET;
beforeAll(() => {
  process.env.PROVIDER_KEY_SECRET = "audit-test-provider-secret-0123456789abcdef";
});
afterAll(() => {
  if (savedSecret === undefined) delete process.env.PROVIDER_KEY_SECRET;
  else process.env.PROVIDER_KEY_SECRET = savedSecret;
});

describe("listings", () => {
  it("records the first price and status, then each change of either, and nothing for other edits", async () => {
    const seller = await person();
    const prompt = await seller.api.prompt.create({ title: "Audited listing", category: "writing", body: "Summarise {{text}} in one line." });
    const listing = await seller.api.listing.create({ promptId: prompt.id, priceCents: 1200, currency: "usd", licenseType: "commercial" });
    expect(await entriesOf({ targetId: listing.id })).toEqual([
      expect.objectContaining({ action: "listing.price", actorId: seller.user.id, actorHandle: seller.user.handle, fromValue: null, toValue: "$12.00", ...REQUEST_COLUMNS }),
      expect.objectContaining({ action: "listing.status", fromValue: null, toValue: "active", targetType: "listing", ...REQUEST_COLUMNS }),
    ]);

    await seller.api.listing.update({ listingId: listing.id, terms: "Any use but resale." });
    expect(await entriesOf({ targetId: listing.id })).toHaveLength(2);
    await seller.api.listing.update({ listingId: listing.id, priceCents: 1500 });
    await seller.api.listing.update({ listingId: listing.id, status: "paused" });
    await seller.api.listing.update({ listingId: listing.id, priceCents: 900, status: "active" });
    const changes = (await entriesOf({ targetId: listing.id })).slice(2).map((e) => [e.action, e.fromValue, e.toValue]);
    expect(changes).toEqual([
      ["listing.price", "$12.00", "$15.00"],
      ["listing.status", "active", "paused"],
      ["listing.price", "$15.00", "$9.00"],
      ["listing.status", "paused", "active"],
    ]);
  });

  it("writes nothing when the change is refused", async () => {
    const seller = await person();
    const other = await person();
    const prompt = await seller.api.prompt.create({ title: "Not yours to price", category: "writing", body: "Translate {{text}}." });
    const listing = await seller.api.listing.create({ promptId: prompt.id, priceCents: 800, currency: "usd", licenseType: "personal" });
    await rejects(other.api.listing.update({ listingId: listing.id, priceCents: 100 }), "FORBIDDEN");
    await rejects(seller.api.listing.update({ listingId: listing.id, priceCents: 10 }), "BAD_REQUEST", /priceCents/);
    expect(await entriesOf({ targetId: listing.id })).toHaveLength(2);
  });
});

describe("refunds", () => {
  it("records each refund Stripe reports, as the system, from one purchase status to the next", async () => {
    const seller = await person();
    const prompt = await seller.api.prompt.create({ title: "Refundable", category: "writing", body: "Rewrite {{text}} politely." });
    const listing = await seller.api.listing.create({ promptId: prompt.id, priceCents: 1000, currency: "usd", licenseType: "commercial" });
    const buyer = await person();
    const { sessionId } = await buyer.api.listing.checkout({ listingId: listing.id });
    await fake.webhook(fake.stripe.complete(sessionId!));
    const purchase = await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } });

    await fake.webhook(fake.stripe.refund(sessionId!, 400));
    // Stripe delivering the same total again (or late) is no new refund.
    await fake.webhook(fake.stripe.refund(sessionId!, 400));
    await fake.webhook(fake.stripe.refund(sessionId!, 1000));
    const entries = await entriesOf({ targetId: purchase.id });
    expect(entries.map((e) => [e.action, e.actorId, e.fromValue, e.toValue])).toEqual([
      ["refund.create", null, "paid", "partially_refunded"],
      ["refund.create", null, "partially_refunded", "refunded"],
    ]);
    expect(entries[0].details).toMatchObject({ refundedCents: 400, totalRefundedCents: 400, amountCents: 1000, currency: "usd", listingId: listing.id, buyerId: buyer.user.id });
    expect(entries[1].details).toMatchObject({ refundedCents: 600, totalRefundedCents: 1000 });
  });
});

describe("model provider keys", () => {
  it("records adding and removing a provider with the key's hint, never the key", async () => {
    const owner = await person();
    const key = "sk-audit-secret-key-0123456789WXYZ";
    const added = await owner.api.provider.add({ name: "mybox", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", apiKey: key, models: ["m1"] });
    await owner.api.provider.remove({ id: added.id });
    const entries = await entriesOf({ targetId: added.id });
    expect(entries).toEqual([
      expect.objectContaining({ action: "provider.add", actorId: owner.user.id, toValue: "mybox", targetType: "modelProvider", ...REQUEST_COLUMNS }),
      expect.objectContaining({ action: "provider.remove", actorId: owner.user.id, fromValue: "mybox", ...REQUEST_COLUMNS }),
    ]);
    expect(entries[0].details).toMatchObject({ hasKey: true, keyHint: "WXYZ" });
    expect(JSON.stringify(entries)).not.toContain(key);
    // Someone else's provider does not exist for you: nothing is removed, nothing recorded.
    const other = await person();
    const theirs = await owner.api.provider.add({ name: "second", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", models: ["m1"] });
    await rejects(other.api.provider.remove({ id: theirs.id }), "NOT_FOUND");
    expect(await entriesOf({ targetId: theirs.id, action: "provider.remove" })).toHaveLength(0);
  });
});

describe("account settings", () => {
  it("records a password change (never the password), and a wrong current password as refused", async () => {
    const me = await person();
    await rejects(me.api.user.changePassword({ currentPassword: "not my password", newPassword: "a much better passphrase" }), "BAD_REQUEST", /currentPassword/);
    await me.api.user.changePassword({ currentPassword: PASSWORD, newPassword: "a much better passphrase" });
    const entries = await entriesOf({ actorId: me.user.id, action: "account.password" });
    expect(entries.map((e) => [e.outcome, e.fromValue, e.toValue])).toEqual([
      ["refused", null, null],
      ["allowed", "a password", "a new password"],
    ]);
    expect(entries[0]).toMatchObject({ comment: expect.stringMatching(/not your current password/), ...REQUEST_COLUMNS });
    expect(entries[1]).toMatchObject({ targetType: "user", targetId: me.user.id, ...REQUEST_COLUMNS });
    expect(JSON.stringify(entries)).not.toMatch(/better passphrase|correct horse/);
  });

  it("records an email change from the old address to the new one, and nothing when it stays the same", async () => {
    const me = await person();
    const before = me.user.email;
    await me.api.user.changeEmail({ email: `renamed-${me.user.handle}@example.com`, currentPassword: PASSWORD });
    await me.api.user.changeEmail({ email: `renamed-${me.user.handle}@example.com`, currentPassword: PASSWORD });
    const taken = await person();
    await rejects(me.api.user.changeEmail({ email: taken.user.email!, currentPassword: PASSWORD }), "CONFLICT", /email/);
    const entries = await entriesOf({ actorId: me.user.id, action: "account.email" });
    expect(entries.map((e) => [e.outcome, e.fromValue, e.toValue])).toEqual([["allowed", before, `renamed-${me.user.handle}@example.com`]]);
    expect(entries[0]).toMatchObject(REQUEST_COLUMNS);
  });

  it("records an account's deletion under the handle it had, and the listings it took off sale", async () => {
    const me = await person();
    const prompt = await me.api.prompt.create({ title: "Sold before leaving", category: "writing", body: "Proofread {{text}}." });
    const listing = await me.api.listing.create({ promptId: prompt.id, priceCents: 500, currency: "usd", licenseType: "personal" });
    const buyer = await person();
    const { sessionId } = await buyer.api.listing.checkout({ listingId: listing.id });
    await fake.webhook(fake.stripe.complete(sessionId!));

    await rejects(me.api.user.deleteAccount({ confirmHandle: me.user.handle, currentPassword: "wrong" }), "BAD_REQUEST", /currentPassword/);
    await me.api.user.deleteAccount({ confirmHandle: me.user.handle, currentPassword: PASSWORD });
    const entries = await entriesOf({ actorId: me.user.id, action: "account.delete" });
    expect(entries.map((e) => [e.outcome, e.actorHandle])).toEqual([
      ["refused", me.user.handle],
      ["allowed", me.user.handle],
    ]);
    expect(entries[1]).toMatchObject({ fromValue: me.user.handle, toValue: "deleted", details: { archivedPrompts: 1, deletedPrompts: 0 }, ...REQUEST_COLUMNS });
    // The user row is anonymised; the log still says who it was.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: me.user.id } })).handle).not.toBe(me.user.handle);
    expect(await entriesOf({ targetId: listing.id, action: "listing.status" })).toEqual([
      expect.objectContaining({ toValue: "active" }),
      expect.objectContaining({ fromValue: "active", toValue: "paused", comment: "the seller deleted their account" }),
    ]);
  });
});

describe("sign-in locks", () => {
  const T0 = new Date("2026-03-01T09:00:00Z");
  /** The slowdown's waits are not waited: time is passed in. */
  const noWait = async () => {};
  const at = (ms: number) => new Date(T0.getTime() + ms);

  it("records one entry when an account locks, naming the account and the request, none per refused attempt", async () => {
    const { user } = await makeUser(t.db);
    const attempt = (i: number, password = "wrong") =>
      signInWithPassword(t.db, { email: user.email!, password, clientIp: `192.0.2.${(i % 200) + 1}`, userAgent: "Guesser/2.0" }, at(i * 1000), noWait).catch((e: unknown) => e);
    for (let i = 0; i < SIGN_IN_LIMITS.account.attempts; i++) expect(await attempt(i)).toBeNull();
    expect(await entriesOf({ action: "signin.locked", targetId: user.id })).toHaveLength(0);
    // The attempt past the limit locks; the ones after it (the right password too) are refused without new entries.
    for (let i = SIGN_IN_LIMITS.account.attempts; i < SIGN_IN_LIMITS.account.attempts + 3; i++) expect(await attempt(i, PASSWORD)).toBeInstanceOf(Error);
    const entries = await entriesOf({ action: "signin.locked", targetId: user.id });
    expect(entries).toHaveLength(1);
    const lockedAt = at(SIGN_IN_LIMITS.account.attempts * 1000);
    const until = new Date(lockedAt.getTime() + SIGN_IN_LIMITS.account.lockMs).toISOString();
    expect(entries[0]).toMatchObject({ actorId: null, outcome: "allowed", targetType: "user", fromValue: "open", toValue: `locked until ${until}`, userAgent: "Guesser/2.0", details: { scope: "account", handle: user.handle } });
    expect(entries[0].ip).toMatch(/^192\.0\.2\./);

    // After the lock ends, a new run of wrong passwords locks again: a second entry.
    const after = SIGN_IN_LIMITS.account.attempts * 1000 + SIGN_IN_LIMITS.account.lockMs + 1000;
    for (let i = 0; i <= SIGN_IN_LIMITS.account.attempts; i++)
      await signInWithPassword(t.db, { email: user.email!, password: "wrong", clientIp: `192.0.2.${i + 1}` }, at(after + i * 1000), noWait).catch(() => null);
    expect(await entriesOf({ action: "signin.locked", targetId: user.id })).toHaveLength(2);
  });

  it("records an address lock with the address as its target, without writing down the emails tried", async () => {
    const ip = "203.0.113.77";
    const limit = SIGN_IN_LIMITS.ip.attempts;
    for (let i = 0; i <= limit + 1; i++)
      await signInWithPassword(t.db, { email: `guess-${i}@nowhere.example`, password: "wrong", clientIp: ip, userAgent: "Sprayer/1.0" }, at(3_600_000 + i * 100), noWait).catch(() => null);
    const entries = await entriesOf({ action: "signin.locked", targetId: ip });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ targetType: "ip", ip, userAgent: "Sprayer/1.0", details: { scope: "ip" } });
    expect(JSON.stringify(entries)).not.toMatch(/nowhere\.example/);
  });
});

/** The request columns every entry made through an HTTP-like caller carries. */
const REQUEST_COLUMNS = { ip: REQUEST.ip, userAgent: REQUEST.userAgent };
