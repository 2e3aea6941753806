// Stores finished batch cells with group commit: a cell that finishes while nothing is being written
// is written at once; cells that finish during a write go together in the next one statement
// (jsonb_to_recordset). No cell waits for a timer, and a busy batch (20 calls finishing every 20 ms
// on an embedded database) needs far fewer statements than cells. A cell is written only while still
// pending, so one stored by another run is never overwritten.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { AssertionResult } from "@/shared/harness/assertions";
import { cellFigures, type CellOutcome } from "./execute-cell";

export type FinishedCell = { id: string; outcome: CellOutcome; assertions: AssertionResult[]; finishedAt: Date };
type Waiting = { cell: FinishedCell; resolve: () => void; reject: (error: unknown) => void };

/** At most this many cells per statement. */
const MAX_PER_WRITE = 200;

async function writeCells(db: Db, cells: FinishedCell[]) {
  const records = cells.map(({ id, outcome: o, assertions, finishedAt }) => ({
    id,
    status: o.status,
    ...cellFigures(o),
    assertions,
    finishedAt: finishedAt.toISOString(),
  }));
  await db.$executeRaw`
    UPDATE "HarnessBatchCell" AS c SET
      "status" = x."status", "output" = x."output", "inputTokens" = x."inputTokens", "outputTokens" = x."outputTokens",
      "tokensEstimated" = x."tokensEstimated", "costUsd" = x."costUsd", "ttftMs" = x."ttftMs", "latencyMs" = x."latencyMs",
      "finishReason" = x."finishReason", "error" = x."error", "assertions" = x."assertions", "finishedAt" = x."finishedAt"
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(
      "id" text, "status" text, "output" text, "inputTokens" integer, "outputTokens" integer, "tokensEstimated" boolean,
      "costUsd" numeric, "ttftMs" integer, "latencyMs" integer, "finishReason" text, "error" text, "assertions" jsonb, "finishedAt" timestamp(3))
    WHERE c."id" = x."id" AND c."status" = 'pending'`;
}

export function createCellWriter(db: Db) {
  const queue: Waiting[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length) {
      const group = queue.splice(0, MAX_PER_WRITE);
      try {
        await writeCells(db, group.map((w) => w.cell));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    writing = false;
  }

  return {
    /** Resolves once the cell is committed. */
    write(cell: FinishedCell): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ cell, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
