import { InngestTestEngine } from "@inngest/test";
import { expect, test, vi } from "vitest";
import type { Db } from "@/server/db/prisma";

const startBatch = vi.hoisted(() => vi.fn());
const runBatchChunk = vi.hoisted(() => vi.fn());
const finishBatch = vi.hoisted(() => vi.fn());
vi.mock("@/server/domain/harness/process-batch", () => ({ startBatch, runBatchChunk, finishBatch }));
const unfinishedBatchIds = vi.hoisted(() => vi.fn());
vi.mock("@/server/domain/harness/resume-batches", () => ({ unfinishedBatchIds }));

const { createHarnessBatch } = await import("./harness-batch");
const { createHarnessBatchResume } = await import("./harness-batch-resume");

const event = { name: "harness/batch.requested", data: { batchId: "b1" } } as const;

test("start, then one step per chunk until nothing is pending, then finish; one run per batch at a time", async () => {
  const db = {} as Db;
  startBatch.mockResolvedValue({ state: "running" });
  const chunks = [
    { state: "running", ran: 400, pending: 600 },
    { state: "running", ran: 600, pending: 0 },
  ];
  runBatchChunk.mockImplementation(async () => chunks.shift());
  finishBatch.mockResolvedValue({ state: "done" });
  const fn = createHarnessBatch({ db: () => db, send: vi.fn(), chunkMs: 5000 });
  expect((fn as unknown as { opts: { concurrency: unknown; triggers: unknown } }).opts).toMatchObject({
    triggers: [{ event: "harness/batch.requested" }],
    concurrency: [{ key: "event.data.batchId", limit: 1 }],
  });
  const { result, ctx, error } = await new InngestTestEngine({ function: fn }).execute({ events: [event] });
  expect(error).toBeUndefined();
  expect(result).toEqual({ batchId: "b1", state: "done" });
  expect(ctx.step.run).toHaveBeenCalledWith("start", expect.any(Function));
  expect(ctx.step.run).toHaveBeenCalledWith("chunk-0", expect.any(Function));
  expect(ctx.step.run).toHaveBeenCalledWith("chunk-1", expect.any(Function));
  expect(ctx.step.run).toHaveBeenCalledWith("finish", expect.any(Function));
  expect(runBatchChunk).toHaveBeenCalledWith(db, "b1", { maxMs: 5000, signal: undefined });
  expect(finishBatch).toHaveBeenCalledWith(db, "b1");
});

test("a cancelled (or already finished) batch stops without finishing", async () => {
  runBatchChunk.mockReset();
  finishBatch.mockReset();
  startBatch.mockResolvedValue({ state: "running" });
  runBatchChunk.mockResolvedValue({ state: "cancelled", ran: 3, pending: 97 });
  const fn = createHarnessBatch({ db: () => ({}) as Db, send: vi.fn() });
  const { result } = await new InngestTestEngine({ function: fn }).execute({ events: [event] });
  expect(result).toEqual({ batchId: "b1", state: "cancelled" });
  expect(finishBatch).not.toHaveBeenCalled();

  startBatch.mockResolvedValue({ state: "done" });
  runBatchChunk.mockReset();
  const again = await new InngestTestEngine({ function: fn }).execute({ events: [event] });
  expect(again.result).toEqual({ batchId: "b1", state: "done" });
  expect(runBatchChunk).not.toHaveBeenCalled();
});

test("at start-up, every unfinished batch gets its event again", async () => {
  unfinishedBatchIds.mockResolvedValue(["b1", "b2"]);
  const send = vi.fn(async () => {});
  const db = {} as Db;
  const fn = createHarnessBatchResume({ db: () => db, send });
  const createdBefore = "2026-01-01T12:00:00.000Z";
  const { result } = await new InngestTestEngine({ function: fn }).execute({ events: [{ name: "harness/batches.resume", data: { createdBefore } }] });
  expect(result).toEqual({ resumed: ["b1", "b2"] });
  expect(unfinishedBatchIds).toHaveBeenCalledWith(db, new Date(createdBefore));
  expect(send.mock.calls).toEqual([["b1"], ["b2"]]);
});
