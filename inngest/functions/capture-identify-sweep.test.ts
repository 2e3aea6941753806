import { InngestTestEngine } from "@inngest/test";
import { expect, test, vi } from "vitest";
import type { Db } from "@/server/db/prisma";

const claimPendingIdentity = vi.hoisted(() => vi.fn());
vi.mock("@/server/domain/identity/pending-identity", () => ({ claimPendingIdentity }));

const { createCaptureIdentifySweep } = await import("./capture-identify-sweep");

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `c${from + i}`);

test("every minute: claims captures pending for over 2 min (not claimed in 10 min) in batches of 500 and re-sends each batch", async () => {
  const db = {} as Db;
  const batches = [ids(0, 500), ids(500, 500), ids(1000, 7)];
  claimPendingIdentity.mockImplementation(async () => batches.shift() ?? []);
  const send = vi.fn(async (_ids: string[]) => {});
  const now = Date.parse("2026-01-01T12:00:00Z");
  const fn = createCaptureIdentifySweep({ db: () => db, send, now: () => now });
  expect((fn as unknown as { opts: { triggers: unknown } }).opts.triggers).toEqual([{ cron: "* * * * *" }, { event: "capture/identity.sweep" }]);
  const { result, error } = await new InngestTestEngine({ function: fn }).execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
  expect(error).toBeUndefined();
  expect(result).toEqual({ requeued: 1007 });
  expect(send.mock.calls.map(([sent]) => sent.length)).toEqual([500, 500, 7]);
  expect(claimPendingIdentity).toHaveBeenCalledTimes(3);
  expect(claimPendingIdentity).toHaveBeenCalledWith(db, { createdBefore: new Date("2026-01-01T11:58:00Z"), claimedBefore: new Date("2026-01-01T11:50:00Z"), limit: 500 });
});

test("at start-up (capture/identity.sweep): everything pending from before the start, at most 20 batches per run", async () => {
  claimPendingIdentity.mockReset();
  claimPendingIdentity.mockImplementation(async () => ids(0, 500));
  const send = vi.fn(async (_ids: string[]) => {});
  const fn = createCaptureIdentifySweep({ db: () => ({}) as Db, send });
  const startedAt = "2026-01-01T12:00:00.000Z";
  const { result } = await new InngestTestEngine({ function: fn }).execute({ events: [{ name: "capture/identity.sweep", data: { createdBefore: startedAt, claimedBefore: startedAt } }] });
  expect(result).toEqual({ requeued: 10_000 });
  expect(send).toHaveBeenCalledTimes(20);
  expect(claimPendingIdentity).toHaveBeenLastCalledWith(expect.anything(), { createdBefore: new Date(startedAt), claimedBefore: new Date(startedAt), limit: 500 });
});
