// webhook.* through the tRPC caller: registering (the secret shown once, stored sealed), listing,
// deleting, bad input naming its field, SSRF refusal at registration (loopback, private, link-local,
// IPv4-mapped IPv6, names resolving there) unless WEBHOOK_ALLOW_PRIVATE_URLS=true, authorization
// (someone else's endpoint is NOT_FOUND; an organisation's needs webhook.manage), and the audit
// entries of create and delete. Delivery itself: inngest/deliver-webhook.int.test.ts.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "@/server/api/root";
import type { Viewer } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";
import { openWebhookSecret } from "@/server/domain/webhooks/webhook-secret";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
const ENV = ["PROVIDER_KEY_SECRET", "WEBHOOK_ALLOW_PRIVATE_URLS"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const request = { ip: "203.0.113.7", userAgent: "webhook-test/1" };
const PUBLIC_URL = "https://93.184.215.14/hooks/promptuary";

beforeAll(() => {
  process.env.PROVIDER_KEY_SECRET = "webhook-test-secret-0123456789-abcdefghij";
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
});
afterAll(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** A 400 whose field errors (zod's or the domain's, as the API sends them) name the field. */
async function refusesField(call: Promise<unknown>, field: string, message: RegExp) {
  const error = await rejects(call, "BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  const messages =
    cause instanceof ZodError ? cause.issues.filter((i) => i.path.join(".") === field).map((i) => i.message) : cause instanceof DomainError ? (cause.fieldErrors?.[field] ?? []) : [];
  expect(messages.join(" | ")).toMatch(message);
}

async function user() {
  const u = await makeUser(t.db);
  return { ...u, caller: createCaller({ db: t.db, viewer: u.actor, request }) };
}

describe("webhook.create / list / delete", () => {
  it("registers an endpoint, shows its secret once and stores it sealed; list never shows it", async () => {
    const alice = await user();
    const created = await alice.caller.webhook.create({ url: PUBLIC_URL, events: ["listing.purchased", "version.approved"], description: "Sales bot" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({ url: PUBLIC_URL, events: ["listing.purchased", "version.approved"], description: "Sales bot", orgId: null });

    const row = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretCiphertext).not.toContain(created.secret.slice(6, 20));
    expect(openWebhookSecret(row.id, row.secretCiphertext)).toBe(created.secret);
    // Bound to its endpoint: the same box on another id does not open.
    expect(() => openWebhookSecret("another-endpoint", row.secretCiphertext)).toThrow(/cannot be decrypted/);

    const listed = await alice.caller.webhook.list();
    expect(listed.org).toBeNull();
    expect(listed.endpoints).toHaveLength(1);
    expect(listed.endpoints[0]).toMatchObject({ id: created.id, url: PUBLIC_URL, lastDelivery: null, deliveries: { succeeded: 0, failed: 0, pending: 0 } });
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "webhook.create", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: alice.user.id, outcome: "allowed", toValue: PUBLIC_URL, ip: request.ip, userAgent: request.userAgent });

    await alice.caller.webhook.delete({ id: created.id });
    expect(await t.db.webhookEndpoint.findUnique({ where: { id: created.id } })).toBeNull();
    expect((await alice.caller.webhook.list()).endpoints).toHaveLength(0);
    const deleted = await t.db.auditEntry.findFirstOrThrow({ where: { action: "webhook.delete", targetId: created.id } });
    expect(deleted).toMatchObject({ actorId: alice.user.id, fromValue: PUBLIC_URL, ip: request.ip });
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const { caller } = await user();
    await refusesField(caller.webhook.create({ url: "ftp://example.com/x" }), "url", /^must be an http:\/\/ or https:\/\/ URL/);
    await refusesField(caller.webhook.create({ url: "not a url" }), "url", /must be an http/);
    await refusesField(caller.webhook.create({ url: "https://user:pw@93.184.215.14/" }), "url", /^must not contain a user name or password/);
    await refusesField(caller.webhook.create({ url: PUBLIC_URL, events: ["version.nonsense" as never] }), "events.0", /./);
    await refusesField(caller.webhook.create({ url: PUBLIC_URL, events: ["template.found", "template.found"] }), "events", /^lists an event twice/);
    await refusesField(caller.webhook.create({ url: PUBLIC_URL, description: "x".repeat(201) }), "description", /^is at most 200/);
    await refusesField(caller.webhook.deliveries({ endpointId: "" }), "endpointId", /^is required/);
    await refusesField(caller.webhook.create({ url: "https://no-such-host.invalid/hook" }), "url", /^host no-such-host\.invalid does not resolve/);
  });

  it("refuses URLs that resolve to loopback, private or link-local addresses (SSRF) unless the instance allows them", async () => {
    const { caller, user: u } = await user();
    for (const url of [
      "http://127.0.0.1:3000/hook",
      "http://localhost:3000/hook",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://[::ffff:a9fe:a9fe]/latest/meta-data",
      "http://169.254.169.254/latest/meta-data",
      "http://10.1.2.3/hook",
      "http://172.20.0.5/hook",
      "http://192.168.1.1/hook",
      "http://100.64.0.1/hook",
      "http://0.0.0.0/hook",
      "http://[fd00::1]/hook",
      "http://[fe80::1]/hook",
      "http://2130706433/hook", // 127.0.0.1 written as one number
    ]) {
      await refusesField(caller.webhook.create({ url }), "url", /^resolves to .*loopback, private or link-local address/);
    }
    expect(await t.db.webhookEndpoint.count({ where: { ownerId: u.id } })).toBe(0);

    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    try {
      const local = await caller.webhook.create({ url: "http://127.0.0.1:3000/hook" });
      expect(local.url).toBe("http://127.0.0.1:3000/hook");
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    }
  });

  it("caps the endpoints per owner", async () => {
    const { caller } = await user();
    await Promise.all(Array.from({ length: 20 }, (_, i) => caller.webhook.create({ url: `${PUBLIC_URL}/${i}` })));
    await rejects(caller.webhook.create({ url: `${PUBLIC_URL}/21` }), "CONFLICT", /At most 20 webhooks/);
  });
});

describe("authorization", () => {
  it("someone else's endpoint and its deliveries do not exist for you", async () => {
    const alice = await user();
    const bob = await user();
    const admin = await makeUser(t.db, { role: "admin" });
    const hook = await alice.caller.webhook.create({ url: PUBLIC_URL });
    const delivery = await t.db.webhookDelivery.create({ data: { endpointId: hook.id, eventType: "template.found", payload: {}, status: "failed" } });

    for (const other of [bob.caller, admin.caller]) {
      expect((await other.webhook.list()).endpoints.map((e) => e.id)).not.toContain(hook.id);
      await rejects(other.webhook.deliveries({ endpointId: hook.id }), "NOT_FOUND", /Webhook not found/);
      // As for a delivery id that does not exist (below).
      await rejects(other.webhook.replay({ deliveryId: delivery.id }), "NOT_FOUND", /Webhook delivery not found/);
      await rejects(other.webhook.delete({ id: hook.id }), "NOT_FOUND", /Webhook not found/);
    }
    await rejects(bob.caller.webhook.replay({ deliveryId: "no-such-delivery" }), "NOT_FOUND", /Webhook delivery not found/);
    await rejects(anonymous(t.db).webhook.list(), "UNAUTHORIZED");
    await rejects(anonymous(t.db).webhook.create({ url: PUBLIC_URL }), "UNAUTHORIZED");
    expect(await t.db.webhookEndpoint.findUnique({ where: { id: hook.id } })).not.toBeNull();
    expect(await t.db.auditEntry.count({ where: { action: "webhook.replay", targetId: delivery.id } })).toBe(0);
  });

  it("an organisation's endpoints need webhook.manage: admins and owners; others are refused, non-members see nothing", async () => {
    const { org, admin, owner, contributor, consumer, outsider } = await makeOrgWithMembers(t.db);
    const siteAdmin = await makeUser(t.db, { role: "admin" });
    const callerOf = (m: { actor: Viewer }) => createCaller({ db: t.db, viewer: m.actor, request });

    const byAdmin = await callerOf(admin).webhook.create({ url: PUBLIC_URL, orgId: org.id, events: ["version.proposed"] });
    expect(byAdmin.orgId).toBe(org.id);
    const byOwner = await callerOf(owner).webhook.create({ url: `${PUBLIC_URL}/2`, orgId: org.id });
    const listed = await callerOf(owner).webhook.list({ orgSlug: org.slug });
    expect(listed.org).toMatchObject({ id: org.id, slug: org.slug });
    expect(listed.endpoints.map((e) => e.id).sort()).toEqual([byAdmin.id, byOwner.id].sort());
    expect((await callerOf(admin).webhook.list({ orgId: org.id })).endpoints).toHaveLength(2);
    // Org endpoints are not the member's personal ones.
    expect((await callerOf(owner).webhook.list()).endpoints).toHaveLength(0);
    expect((await t.db.auditEntry.findFirstOrThrow({ where: { action: "webhook.create", targetId: byAdmin.id } })).orgId).toBe(org.id);

    for (const member of [contributor, consumer]) {
      const c = callerOf(member);
      await rejects(c.webhook.create({ url: PUBLIC_URL, orgId: org.id }), "FORBIDDEN", /may not manage webhooks/);
      await rejects(c.webhook.list({ orgSlug: org.slug }), "FORBIDDEN", /may not manage webhooks/);
      await rejects(c.webhook.deliveries({ endpointId: byAdmin.id }), "FORBIDDEN", /may not manage webhooks/);
      await rejects(c.webhook.delete({ id: byAdmin.id }), "FORBIDDEN", /may not manage webhooks/);
    }
    for (const stranger of [outsider, siteAdmin]) {
      const c = callerOf(stranger);
      await rejects(c.webhook.create({ url: PUBLIC_URL, orgId: org.id }), "NOT_FOUND");
      await rejects(c.webhook.list({ orgSlug: org.slug }), "NOT_FOUND");
      // As for an id that does not exist: nothing says it is an organisation's endpoint.
      await rejects(c.webhook.deliveries({ endpointId: byAdmin.id }), "NOT_FOUND", /^Webhook not found\.$/);
      await rejects(c.webhook.delete({ id: byOwner.id }), "NOT_FOUND", /^Webhook not found\.$/);
    }
    const orgDelivery = await t.db.webhookDelivery.create({ data: { endpointId: byAdmin.id, eventType: "version.proposed", payload: {}, status: "failed" } });
    await rejects(callerOf(outsider).webhook.replay({ deliveryId: orgDelivery.id }), "NOT_FOUND", /^Webhook delivery not found\.$/);
    await rejects(callerOf(owner).webhook.list({ orgSlug: "no-such-org" }), "NOT_FOUND", /Organisation not found/);
    await refusesField(callerOf(owner).webhook.list({ orgSlug: org.slug, orgId: org.id }), "orgSlug", /^give orgId or orgSlug, not both/);

    await callerOf(owner).webhook.delete({ id: byAdmin.id });
    expect((await callerOf(admin).webhook.list({ orgId: org.id })).endpoints.map((e) => e.id)).toEqual([byOwner.id]);
  });
});
