// Outgoing webhooks end to end through the real background function (in-process runner) and a
// loopback receiver: emitWebhookEvent writes a pending delivery per matching endpoint (the user's
// and the organisation's, filtered by event type) and the job POSTs it signed so that
// standardwebhooks' Webhook#verify accepts it; a receiver failing twice then answering is retried
// with growing delays and the log keeps every attempt; attempts used up leave it failed until a
// Replay, which sends it again with the same webhook-id; an address that became private is refused
// at delivery and fails at once; a delivery emitted inside a transaction is sent once it commits and never if it
// rolls back; emitting never throws; the sweep re-sends deliveries whose run was lost.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { createCaller } from "@/server/api/root";
import type { Viewer } from "@/server/domain/actor";
import type { Db } from "@/server/db/prisma";
import { emitWebhookEvent, type WebhookPayload } from "@/server/domain/webhooks/emit-webhook-event";
import { guardedLookup, isPrivateAddress } from "@/server/domain/webhooks/url-safety";
import { overdueWebhookDeliveries, SWEEP_GRACE_MS } from "@/server/domain/webhooks/webhook-sweep";
import { makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { createDeliverWebhook } from "./functions/deliver-webhook";
import { createDeliverWebhookSweep } from "./functions/deliver-webhook-sweep";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";

const t = setUpTestDatabase();
const ENV = ["PROVIDER_KEY_SECRET", "WEBHOOK_ALLOW_PRIVATE_URLS", "INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const request = { ip: "198.51.100.9", userAgent: "webhook-delivery-test/1" };
/** Short delays so the test runs in a second; the shape (doubling) is the production one's. */
const retry = { maxAttempts: 3, delayMs: (failed: number) => 150 * 2 ** (failed - 1) };

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let runner: InProcessRunner;
const logs: string[] = [];

beforeAll(async () => {
  Object.assign(process.env, { PROVIDER_KEY_SECRET: "webhook-delivery-secret-0123456789-abcdefgh", WEBHOOK_ALLOW_PRIVATE_URLS: "true", INNGEST_EVENT_KEY: "", INNGEST_DEV: "", INNGEST_BASE_URL: "" });
  receiver = await startWebhookReceiver();
  runner = startInProcessRunner({
    functions: [createDeliverWebhook({ db: () => t.db, attempt: { retry, timeoutMs: 2000 } }), createDeliverWebhookSweep({ db: () => t.db })],
    // The function's own retries (a delivery not committed yet): 4 × 100 ms outlasts the transaction below.
    backoffMs: () => 100,
    logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) },
  });
});
afterEach(async () => {
  await runner.idle();
  receiver.reset();
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
});
afterAll(async () => {
  await runner.stop();
  await receiver.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const callerOf = (actor: Viewer) => createCaller({ db: t.db, viewer: actor, request });

function verified(secret: string, index: number) {
  const r = receiver.received[index];
  return new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as WebhookPayload;
}

async function deliveriesOf(endpointId: string) {
  return t.db.webhookDelivery.findMany({ where: { endpointId }, include: { attemptLog: { orderBy: { number: "asc" } } }, orderBy: { createdAt: "asc" } });
}

describe("delivery", () => {
  it("sends each matching endpoint a payload that Webhook#verify accepts, with the delivery's id as webhook-id", async () => {
    const { org, admin, owner } = await makeOrgWithMembers(t.db);
    const mine = await callerOf(owner.actor).webhook.create({ url: receiver.url("/mine"), events: ["version.approved"] });
    const orgs = await callerOf(admin.actor).webhook.create({ url: receiver.url("/org"), orgId: org.id });
    const salesOnly = await callerOf(owner.actor).webhook.create({ url: receiver.url("/sales"), events: ["listing.purchased"] });

    await emitWebhookEvent(t.db, { type: "version.approved", userId: owner.user.id, orgId: org.id, data: { versionId: "v1", promptId: "p1" } });
    await runner.idle();

    expect(receiver.received.map((r) => r.path).sort()).toEqual(["/mine", "/org"]);
    for (const [hook, path] of [[mine, "/mine"], [orgs, "/org"]] as const) {
      const i = receiver.received.findIndex((r) => r.path === path);
      const payload = verified(hook.secret, i);
      expect(payload).toMatchObject({ type: "version.approved", data: { versionId: "v1", promptId: "p1" } });
      expect(new Date(payload.timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const [delivery] = await deliveriesOf(hook.id);
      expect(receiver.received[i].headers["webhook-id"]).toBe(delivery.id);
      expect(receiver.received[i].headers["content-type"]).toBe("application/json");
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastError: null, eventType: "version.approved" });
      expect(delivery.deliveredAt).not.toBeNull();
      expect(delivery.attemptLog).toEqual([expect.objectContaining({ number: 1, trigger: "retry", statusCode: 200, error: null })]);
      expect(delivery.attemptLog[0].responseMs).toBeGreaterThanOrEqual(0);
    }
    // Another endpoint's secret does not verify it, nor does a changed body.
    expect(() => verified(salesOnly.secret, 0)).toThrow(WebhookVerificationError);
    const r0 = receiver.received[0];
    expect(() => new Webhook(mine.secret).verify(r0.body.replace("p1", "p2"), r0.headers as Record<string, string>)).toThrow(WebhookVerificationError);
    expect(await deliveriesOf(salesOnly.id)).toHaveLength(0);
  });

  it("retries a receiver that fails twice, with growing delays, then records the success", async () => {
    const { actor, user } = await makeUser(t.db);
    const hook = await callerOf(actor).webhook.create({ url: receiver.url("/flaky") });
    receiver.respondWith([500, 503]);
    await emitWebhookEvent(t.db, { type: "template.found", userId: user.id, data: { templateId: "t1" } });
    await runner.idle();

    expect(receiver.received).toHaveLength(3);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(delivery.attemptLog.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 503, "HTTP 503"],
      [3, 200, null],
    ]);
    // Every attempt is the same message (same id, same body), freshly signed.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    for (let i = 0; i < 3; i++) expect(verified(hook.secret, i)).toMatchObject({ type: "template.found", data: { templateId: "t1" } });
    const [a, b, c] = receiver.received.map((r) => r.at);
    expect(b - a).toBeGreaterThanOrEqual(retry.delayMs(1) - 5);
    expect(c - b).toBeGreaterThanOrEqual(retry.delayMs(2) - 5);
  });

  it("fails after the last attempt; Replay sends it again once, same webhook-id, audited; a pending one cannot be replayed", async () => {
    const { actor, user } = await makeUser(t.db);
    const hook = await callerOf(actor).webhook.create({ url: receiver.url("/down") });
    receiver.respondWith([500, 500, 500, 502]);
    await emitWebhookEvent(t.db, { type: "listing.purchased", userId: user.id, data: { purchaseId: "pu1" } });
    await runner.idle();

    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500, nextAttemptAt: null, deliveredAt: null });
    expect(receiver.received).toHaveLength(3);

    // The log through the API, as the settings page reads it.
    const log = await callerOf(actor).webhook.deliveries({ endpointId: hook.id });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id: delivery.id, status: "failed", attempts: 3, eventType: "listing.purchased" });
    expect(log.items[0].attemptLog.map((x) => x.statusCode)).toEqual([500, 500, 500]);

    // A replay that fails again is one attempt, not a new round of retries.
    await callerOf(actor).webhook.replay({ deliveryId: delivery.id });
    await runner.idle();
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 4, lastStatusCode: 502 });
    expect(receiver.received).toHaveLength(4);

    const replayed = await callerOf(actor).webhook.replay({ deliveryId: delivery.id });
    expect(replayed).toEqual({ id: delivery.id, status: "pending" });
    await runner.idle();
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 5, lastStatusCode: 200 });
    expect(delivery.attemptLog.map((x) => [x.number, x.trigger, x.statusCode])).toEqual([
      [1, "retry", 500],
      [2, "retry", 500],
      [3, "retry", 500],
      [4, "replay", 502],
      [5, "replay", 200],
    ]);
    expect(receiver.received[4].headers["webhook-id"]).toBe(delivery.id);
    expect(verified(hook.secret, 4)).toMatchObject({ type: "listing.purchased", data: { purchaseId: "pu1" } });
    const audits = await t.db.auditEntry.findMany({ where: { action: "webhook.replay", targetId: delivery.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((e) => [e.actorId, e.fromValue, e.toValue, e.ip])).toEqual([
      [user.id, "failed", "pending", request.ip],
      [user.id, "failed", "pending", request.ip],
    ]);

    // While pending (being tried), a replay is refused.
    await t.db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "pending", nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    await rejects(callerOf(actor).webhook.replay({ deliveryId: delivery.id }), "CONFLICT", /still being tried/);
    await t.db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "succeeded", nextAttemptAt: null } });
  });

  it("refuses at delivery time an address that is private, after DNS resolution, when private URLs are not allowed", async () => {
    const { actor, user } = await makeUser(t.db);
    // Registered while the instance allowed it (or the name resolved elsewhere then).
    const byIp = await callerOf(actor).webhook.create({ url: receiver.url("/ip") });
    const byName = await callerOf(actor).webhook.create({ url: `http://localhost:${receiver.port}/name` });
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    await emitWebhookEvent(t.db, { type: "capture.prompt_detected", userId: user.id, data: { detectedPromptId: "d1" } });
    await runner.idle();

    expect(receiver.received).toHaveLength(0);
    for (const hook of [byIp, byName]) {
      const [delivery] = await deliveriesOf(hook.id);
      // Failed at once: retrying cannot change the answer.
      expect(delivery.status).toBe("failed");
      expect(delivery.attemptLog).toHaveLength(1);
      expect(delivery.nextAttemptAt).toBeNull();
      for (const attempt of delivery.attemptLog) {
        expect(attempt.statusCode).toBeNull();
        expect(attempt.error).toMatch(/^refused: resolves to (127\.0\.0\.1|::1), a loopback, private or link-local address/);
      }
    }
  });

  it("connects only to checked addresses: the lookup the request uses refuses a name that resolves privately", async () => {
    const refused = await new Promise<Error | null>((resolve) => guardedLookup(false)("localhost", { all: false }, (error) => resolve(error)));
    expect(refused?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1)/);
    const allowed = await new Promise<string>((resolve, reject) => guardedLookup(true)("localhost", { all: false }, (error, address) => (error ? reject(error) : resolve(address as string))));
    expect(["127.0.0.1", "::1"]).toContain(allowed);
    for (const address of ["127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.100.1.1", "0.0.0.0", "::1", "::", "fc00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:7f00:1", "64:ff9b::a9fe:a9fe", "224.0.0.1"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1", "::ffff:8.8.8.8"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });
});

describe("emitting", () => {
  it("inside a transaction: delivered once it commits, never when it rolls back", async () => {
    const { actor, user } = await makeUser(t.db);
    const hook = await callerOf(actor).webhook.create({ url: receiver.url("/tx") });
    await t.db.$transaction(async (tx) => {
      await emitWebhookEvent(tx, { type: "version.proposed", userId: user.id, data: { n: 1 } });
      // The job runs meanwhile and finds nothing committed yet: it retries.
      await new Promise((r) => setTimeout(r, 150));
    });
    await expect(
      t.db.$transaction(async (tx) => {
        await emitWebhookEvent(tx, { type: "version.proposed", userId: user.id, data: { n: 2 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await runner.idle();

    expect(receiver.received.map((r) => JSON.parse(r.body).data)).toEqual([{ n: 1 }]);
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].status).toBe("succeeded");
  });

  it("never throws into the caller, and does nothing without an owner", async () => {
    const broken = { webhookEndpoint: { findMany: () => Promise.reject(new Error("database unreachable")) } } as unknown as Db;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(emitWebhookEvent(broken, { type: "template.found", userId: "u1", data: {} })).resolves.toBeUndefined();
      expect(errors.mock.calls.map((c) => `${c[0]} ${(c[1] as Error).message}`)).toEqual(["[webhooks] template.found not emitted: database unreachable"]);
    } finally {
      errors.mockRestore();
    }
    await expect(emitWebhookEvent(t.db, { type: "template.found", data: {} })).resolves.toBeUndefined();
  });

  it("a receiver that is down does not fail the emitter; the delivery logs the connection error", async () => {
    const { actor, user } = await makeUser(t.db);
    const closed = await startWebhookReceiver();
    const url = closed.url("/gone");
    await closed.close();
    const hook = await callerOf(actor).webhook.create({ url });
    await expect(emitWebhookEvent(t.db, { type: "listing.refunded", userId: user.id, data: {} })).resolves.toBeUndefined();
    await runner.idle();
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery.status).toBe("failed");
    expect(delivery.attemptLog.map((a) => a.error)).toEqual(Array(retry.maxAttempts).fill(expect.stringMatching(/^ECONNREFUSED/)));
  });

  it("the sweep re-sends deliveries whose run was lost, and only those overdue", async () => {
    const { actor } = await makeUser(t.db);
    const hook = await callerOf(actor).webhook.create({ url: receiver.url("/sweep") });
    const now = Date.now();
    const lost = await t.db.webhookDelivery.create({ data: { endpointId: hook.id, eventType: "template.found", payload: { type: "template.found", timestamp: new Date(now).toISOString(), data: { lost: true } }, nextAttemptAt: new Date(now - SWEEP_GRACE_MS - 1000) } });
    const waiting = await t.db.webhookDelivery.create({ data: { endpointId: hook.id, eventType: "template.found", payload: {}, nextAttemptAt: new Date(now + 3_600_000) } });
    expect(await overdueWebhookDeliveries(t.db)).toContain(lost.id);
    expect(await overdueWebhookDeliveries(t.db)).not.toContain(waiting.id);

    // The cron's function body, called as the runner calls it each minute.
    const sweep = createDeliverWebhookSweep({ db: () => t.db });
    const handler = (sweep as unknown as { fn: (ctx: unknown) => Promise<{ resent: number }> }).fn;
    const result = await handler({ step: { run: (_id: string, fn: () => unknown) => fn() } });
    expect(result.resent).toBeGreaterThanOrEqual(1);
    await runner.idle();
    expect(receiver.received.map((r) => JSON.parse(r.body).data)).toEqual([{ lost: true }]);
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: lost.id } })).status).toBe("succeeded");
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("pending");
    await t.db.webhookDelivery.delete({ where: { id: waiting.id } });
  });
});
