import { describe, expect, it } from "vitest";
import { percentile, summarizeBatch } from "./batch-results";

const models = [
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "openai", model: "unpriced" },
];
const assertions = [
  { type: "contains" as const, value: "ok" },
  { type: "latency" as const, value: 100 },
];
const result = (pass: boolean[]) => pass.map((p, i) => ({ type: i ? "latency" : "contains", value: null, pass: p, detail: "" }));
const cell = (rowIndex: number, position: number, status: string, latencyMs: number | null, costUsd: string | null, pass: boolean[]) => ({
  rowIndex,
  position,
  status,
  latencyMs,
  costUsd,
  assertions: result(pass),
});

describe("summarizeBatch", () => {
  it("pass rates per model and per assertion, latency over answered cells, cost unknown stays unknown", () => {
    const cells = [
      cell(0, 0, "done", 50, "0.001", [true, true]),
      cell(1, 0, "done", 150, "0.003", [true, false]),
      cell(2, 0, "error", 10, null, [false, false]),
      cell(3, 0, "pending", null, null, []),
      cell(0, 1, "done", 80, null, [true, true]),
      cell(1, 1, "done", 90, null, [false, true]),
    ];
    const s = summarizeBatch(models, assertions, cells);
    expect(s.perModel[0]).toMatchObject({ done: 2, errored: 1, pending: 1, passRate: 1 / 3, avgLatencyMs: 100, p95LatencyMs: 150, totalCostUsd: "0.004", costPerRowUsd: "0.002" });
    expect(s.perModel[1]).toMatchObject({ done: 2, errored: 0, pending: 0, passRate: 0.5, totalCostUsd: null, costPerRowUsd: null });
    expect(s.perAssertion).toEqual([
      { index: 0, type: "contains", value: "ok", passed: 3, checked: 5, passRate: 3 / 5, byModel: [2 / 3, 1 / 2] },
      { index: 1, type: "latency", value: 100, passed: 3, checked: 5, passRate: 3 / 5, byModel: [1 / 3, 1] },
    ]);
    expect(s.passRate).toBe(2 / 5);
    expect(s.totalCostUsd).toBeNull();
    expect(s.costPerRowUsd).toBeNull();
  });

  it("totals when every answered model has a price; no assertions or nothing finished is no rate, not 100% or 0%", () => {
    const s = summarizeBatch([models[0]], [], [cell(0, 0, "done", 10, "0.25", []), cell(1, 0, "done", 30, "0.75", [])]);
    expect(s).toMatchObject({ passRate: null, totalCostUsd: "1.0", costPerRowUsd: "0.5" });
    expect(s.perModel[0].passRate).toBeNull();
    expect(summarizeBatch([models[0]], assertions, [cell(0, 0, "pending", null, null, [])]).perModel[0]).toMatchObject({ passRate: null, avgLatencyMs: null, totalCostUsd: "0.0" });
    expect(percentile([], 0.95)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19);
  });
});
