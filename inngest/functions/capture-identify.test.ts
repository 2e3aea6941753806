import { InngestTestEngine } from "@inngest/test";
import { expect, test, vi } from "vitest";
import type { Db } from "@/server/db/prisma";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";

const identifyCapture = vi.hoisted(() => vi.fn());
vi.mock("@/server/domain/identity/identify-capture", () => ({ identifyCapture }));

const { createCaptureIdentify } = await import("./capture-identify");

test("one step per capture, each calling identifyCapture; the results are the function's output", async () => {
  const db = {} as Db;
  identifyCapture.mockImplementation(async (_db: Db, captureId: string) => ({ captureId, decision: captureId === "c1" ? "new" : "same" }));
  const fn = createCaptureIdentify({ db: () => db, embedder: () => localEmbedder });
  const t = new InngestTestEngine({ function: fn });
  const { result, ctx, error } = await t.execute({ events: [{ name: "capture/request.recorded", data: { captureIds: ["c1", "c2"] } }] });
  expect(error).toBeUndefined();
  expect(result).toEqual([
    { captureId: "c1", decision: "new" },
    { captureId: "c2", decision: "same" },
  ]);
  expect(ctx.step.run).toHaveBeenCalledWith("identify-c1", expect.any(Function));
  expect(ctx.step.run).toHaveBeenCalledWith("identify-c2", expect.any(Function));
  expect(identifyCapture).toHaveBeenCalledWith(db, "c1", localEmbedder);
  expect(identifyCapture).toHaveBeenCalledWith(db, "c2", localEmbedder);
});

test("a failing step fails the run (retried for about five minutes: retries: 10)", async () => {
  identifyCapture.mockRejectedValue(new Error("database down"));
  const fn = createCaptureIdentify({ db: () => ({}) as Db, embedder: () => localEmbedder });
  expect((fn as unknown as { opts: { retries: number; triggers: unknown } }).opts).toMatchObject({ retries: 10, triggers: [{ event: "capture/request.recorded" }] });
  const t = new InngestTestEngine({ function: fn });
  const { error } = await t.execute({ events: [{ name: "capture/request.recorded", data: { captureIds: ["c1"] } }] });
  expect(String((error as Error)?.message ?? error)).toContain("database down");
});
