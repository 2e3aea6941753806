// The read side of captured LLM calls: a caller only ever sees their own captures.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import type { CaptureDecision } from "@/shared/captures/capture-decisions";
import type { CaptureStatsInput, ListCapturesInput } from "./schemas";

const promptLink = { select: { id: true, slug: true, title: true } } as const;

/** What a list row needs: everything but the bodies. */
const listSelect = {
  id: true,
  provider: true,
  endpoint: true,
  method: true,
  model: true,
  status: true,
  error: true,
  stream: true,
  captureMode: true,
  latencyMs: true,
  ttfbMs: true,
  inputTokens: true,
  outputTokens: true,
  cachedTokens: true,
  tokensEstimated: true,
  costUsd: true,
  endUser: true,
  sessionId: true,
  createdAt: true,
  decision: true,
  similarity: true,
  matchedPrompt: promptLink,
  resultPrompt: promptLink,
  // The Detected inbox entry it belongs to, the template it fits, the library version it rendered.
  detectedPrompt: { select: { id: true, title: true } },
  template: { select: { id: true } },
  matchedVersion: { select: { number: true } },
} satisfies Prisma.CaptureSelect;

const detailSelect = {
  ...listSelect,
  apiKeyId: true,
  requestBody: true,
  systemPrompt: true,
  promptText: true,
  responseText: true,
  properties: true,
  embeddingModel: true,
  processedAt: true,
  textRepaired: true,
  variableValues: true,
  templateValues: true,
} satisfies Prisma.CaptureSelect;

const toNumber = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/** "pending" is a capture the identity job has not processed yet (decision still null). */
const decisionOf = (decision: string | null): CaptureDecision => (decision ?? "pending") as CaptureDecision;

function listWhere(actor: Actor, input: ListCapturesInput): Prisma.CaptureWhereInput {
  const { model, status, provider, decision, endUser, sessionId } = input;
  return {
    ownerId: actor.id,
    ...(model ? { model } : {}),
    ...(provider ? { provider } : {}),
    ...(endUser ? { endUser } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(status === "error" ? { status: { gte: 400 } } : status === "ok" ? { status: { lt: 400 } } : status !== undefined ? { status } : {}),
    ...(decision ? { decision: decision === "pending" ? null : decision } : {}),
  };
}

/** The caller's captures, newest first, with filters and cursor pagination. */
export async function listCaptures(db: DbOrTx, actor: Actor, input: ListCapturesInput) {
  const rows = await db.capture.findMany({
    where: listWhere(actor, input),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: listSelect,
    ...page(input),
  });
  const { items, nextCursor } = pageResult(rows, input);
  return { items: items.map((c) => ({ ...c, costUsd: toNumber(c.costUsd), decision: decisionOf(c.decision) })), nextCursor };
}
export type CaptureListItem = Awaited<ReturnType<typeof listCaptures>>["items"][number];

/** Extracted {{variable}} values as stored (an object of strings), or null. */
function valuesOf(json: Prisma.JsonValue | null): Record<string, string> | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

/** One capture with its request and response; NOT_FOUND unless the caller owns it. */
export async function captureById(db: DbOrTx, actor: Actor, input: { id: string }) {
  const c = await db.capture.findFirst({ where: { id: input.id, ownerId: actor.id }, select: detailSelect });
  if (!c) throw new NotFoundError("Capture");
  return { ...c, costUsd: toNumber(c.costUsd), decision: decisionOf(c.decision), variableValues: valuesOf(c.variableValues), templateValues: valuesOf(c.templateValues) };
}
export type CaptureDetail = Awaited<ReturnType<typeof captureById>>;

/** Totals over the caller's captures in [from, to]: calls, errors, tokens, cost, latency, by model and by decision. */
export async function captureStats(db: DbOrTx, actor: Actor, input: CaptureStatsInput) {
  const createdAt = input.from || input.to ? { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } : undefined;
  const where: Prisma.CaptureWhereInput = { ownerId: actor.id, ...(createdAt ? { createdAt } : {}) };
  const errorWhere = { ...where, status: { gte: 400 } };

  const [totals, errors, unknownCostCalls, p95, models, modelErrors, modelUnknownCost, decisions] = await Promise.all([
    db.capture.aggregate({ where, _count: { _all: true }, _sum: { inputTokens: true, outputTokens: true, costUsd: true }, _avg: { latencyMs: true } }),
    db.capture.count({ where: errorWhere }),
    db.capture.count({ where: { ...where, costUsd: null } }),
    db.$queryRaw<{ p95: number | null }[]>`
      SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS p95
      FROM "Capture"
      WHERE "ownerId" = ${actor.id}
        ${input.from ? Prisma.sql`AND "createdAt" >= ${input.from}` : Prisma.empty}
        ${input.to ? Prisma.sql`AND "createdAt" <= ${input.to}` : Prisma.empty}`,
    db.capture.groupBy({ by: ["model"], where, _count: { _all: true }, _sum: { inputTokens: true, outputTokens: true, costUsd: true } }),
    db.capture.groupBy({ by: ["model"], where: errorWhere, _count: { _all: true } }),
    db.capture.groupBy({ by: ["model"], where: { ...where, costUsd: null }, _count: { _all: true } }),
    db.capture.groupBy({ by: ["decision"], where, _count: { _all: true } }),
  ]);

  const errorsByModel = new Map(modelErrors.map((m) => [m.model, m._count._all]));
  const unknownCostByModel = new Map(modelUnknownCost.map((m) => [m.model, m._count._all]));
  const byModel = models
    .map((m) => ({
      model: m.model,
      calls: m._count._all,
      inputTokens: m._sum.inputTokens ?? 0,
      outputTokens: m._sum.outputTokens ?? 0,
      // The sum of known costs; unknownCostCalls says how many calls had no price (the page says "cost unknown").
      costUsd: Number(m._sum.costUsd ?? 0),
      errors: errorsByModel.get(m.model) ?? 0,
      unknownCostCalls: unknownCostByModel.get(m.model) ?? 0,
    }))
    .sort((a, b) => b.calls - a.calls || (a.model ?? "").localeCompare(b.model ?? ""));

  const byDecision: Record<CaptureDecision, number> = { same: 0, variant: 0, new: 0, skipped: 0, pending: 0 };
  for (const d of decisions) {
    const key = decisionOf(d.decision);
    if (key in byDecision) byDecision[key] += d._count._all;
  }

  const avg = totals._avg.latencyMs;
  const p95Value = p95[0]?.p95;
  return {
    total: totals._count._all,
    errors,
    inputTokens: totals._sum.inputTokens ?? 0,
    outputTokens: totals._sum.outputTokens ?? 0,
    costUsd: Number(totals._sum.costUsd ?? 0),
    unknownCostCalls,
    avgLatencyMs: avg === null ? null : Math.round(avg),
    p95LatencyMs: p95Value === null || p95Value === undefined ? null : Number(p95Value),
    byModel,
    byDecision,
  };
}
export type CaptureStats = Awaited<ReturnType<typeof captureStats>>;
