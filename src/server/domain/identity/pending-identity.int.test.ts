import { expect, test } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { claimPendingIdentity } from "./pending-identity";

const t = setUpTestDatabase();
const at = (iso: string) => new Date(iso);

test("claims captures awaiting identity, oldest first, in bounded batches; a claim holds until its lease ends", async () => {
  const { db } = t;
  const { user } = await makeUser(db);
  const capture = (id: string, createdAt: string, extra: { processedAt?: Date; identityQueuedAt?: Date } = {}) =>
    db.capture.create({ data: { id, ownerId: user.id, provider: "openai", endpoint: "chat/completions", method: "POST", status: 200, latencyMs: 20, createdAt: at(createdAt), ...extra } });
  await capture("p3", "2026-01-01T10:03:00Z");
  await capture("p1", "2026-01-01T10:01:00Z");
  await capture("p2", "2026-01-01T10:02:00Z");
  await capture("done", "2026-01-01T10:00:00Z", { processedAt: at("2026-01-01T10:00:05Z") });
  await capture("claimed-lately", "2026-01-01T10:00:30Z", { identityQueuedAt: at("2026-01-01T11:55:00Z") });
  await capture("claimed-long-ago", "2026-01-01T10:04:00Z", { identityQueuedAt: at("2026-01-01T11:00:00Z") });
  await capture("too-new", "2026-01-01T11:59:30Z");

  const now = at("2026-01-01T12:00:00Z");
  const window = { createdBefore: at("2026-01-01T11:58:00Z"), claimedBefore: at("2026-01-01T11:50:00Z") };
  expect(await claimPendingIdentity(db, { ...window, limit: 2 }, now)).toEqual(["p1", "p2"]);
  expect(await claimPendingIdentity(db, { ...window, limit: 2 }, now)).toEqual(["p3", "claimed-long-ago"]);
  expect(await claimPendingIdentity(db, { ...window, limit: 2 }, now)).toEqual([]);
  const claimed = await db.capture.findUniqueOrThrow({ where: { id: "p1" }, select: { identityQueuedAt: true } });
  expect(claimed.identityQueuedAt?.toISOString()).toBe(now.toISOString());

  // After a restart everything pending from before it is claimed again, whatever its lease.
  const restart = at("2026-01-01T12:00:10Z");
  const all = await claimPendingIdentity(db, { createdBefore: restart, claimedBefore: restart, limit: 100 }, restart);
  expect(all).toEqual(["claimed-lately", "p1", "p2", "p3", "claimed-long-ago", "too-new"]);
});
