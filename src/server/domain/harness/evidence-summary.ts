// The figures a listing's evidence shows, computed in PostgreSQL over every finished cell of the
// attached runs and batches (a batch can hold thousands of cells; a public page must not read them
// all): per model the cells, errors, pass rate and which assertions, median cost and latency, and a
// few sample outputs. Medians are taken over cells that answered; a cost is known only for priced
// models, so a median over no priced cell stays null (unknown), never 0.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { AssertionType } from "@/shared/harness/assertions";
import { redactEchoes } from "./redact-echoes";

/** Sample outputs shown per model, and how much of each. */
export const SAMPLES_PER_MODEL = 2;
export const SAMPLE_MAX_CHARS = 600;

export type EvidenceAssertionStat = { type: AssertionType; value: unknown; checked: number; passed: number; passRate: number };
export type EvidenceSample = { output: string; truncated: boolean; redacted: boolean; passed: boolean | null; versionNumber: number; kind: "run" | "batch" };
export type EvidenceModelStat = {
  provider: string;
  model: string;
  cells: number;
  errors: number;
  checked: number;
  passed: number;
  /** Passed checks / checked, 0–1; null when nothing was asserted. */
  passRate: number | null;
  /** USD as a decimal string; null when no answering cell had a price. */
  medianCostUsd: string | null;
  pricedCells: number;
  medianLatencyMs: number | null;
  medianTtftMs: number | null;
  assertions: EvidenceAssertionStat[];
  samples: EvidenceSample[];
};

/**
 * Every finished cell of the listing's evidence, runs and batches alike. An errored cell counts
 * as failing every assertion asked when none was stored for it, so errors never raise a pass rate.
 */
const cellsCte = (listingId: string) => Prisma.sql`
  WITH cells AS (
    SELECT r.provider, r.model, r.output, r."costUsd", r."latencyMs", r."ttftMs", r.assertions, run.assertions AS asked,
           (r.status = 'error' OR r.error IS NOT NULL) AS failed, r.position, 0 AS "rowIndex", run."createdAt" AS "testedAt",
           run.id AS "sourceId", 'run' AS kind, v.number AS "versionNumber", v.body, run."renderedText", run.variables
      FROM "ListingEvidence" e
      JOIN "HarnessRun" run ON run.id = e."runId"
      JOIN "PromptVersion" v ON v.id = run."versionId"
      JOIN "HarnessResult" r ON r."runId" = run.id
     WHERE e."listingId" = ${listingId} AND r.status IN ('done', 'error')
    UNION ALL
    SELECT c.provider, c.model, c.output, c."costUsd", c."latencyMs", c."ttftMs", c.assertions, b.assertions,
           (c.status = 'error' OR c.error IS NOT NULL), c.position, c."rowIndex", b."createdAt",
           b.id, 'batch', v.number, v.body, NULL, NULL
      FROM "ListingEvidence" e
      JOIN "HarnessBatch" b ON b.id = e."batchId"
      JOIN "PromptVersion" v ON v.id = b."versionId"
      JOIN "HarnessBatchCell" c ON c."batchId" = b.id
     WHERE e."listingId" = ${listingId} AND c.status IN ('done', 'error')
  ), checks AS (
    SELECT cells.provider, cells.model, a->>'type' AS type, a->'value' AS value, COALESCE((a->>'pass')::boolean, false) AS pass
      FROM cells, jsonb_array_elements(cells.assertions) a
    UNION ALL
    SELECT cells.provider, cells.model, a->>'type', a->'value', false
      FROM cells, jsonb_array_elements(cells.asked) a
     WHERE cells.failed AND jsonb_array_length(cells.assertions) = 0
  )`;

type ModelRow = {
  provider: string;
  model: string;
  cells: number;
  errors: number;
  medianCostUsd: string | null;
  pricedCells: number;
  medianLatencyMs: number | null;
  medianTtftMs: number | null;
  firstPosition: number;
};
type CheckRow = { provider: string; model: string; type: AssertionType; value: unknown; checked: number; passed: number };
type SampleRow = {
  provider: string;
  model: string;
  output: string;
  fullLength: number;
  passed: boolean | null;
  versionNumber: number;
  kind: "run" | "batch";
  body: string;
  renderedText: string | null;
  batchRendered: string | null;
  variables: unknown;
  batchVariables: unknown;
};

const key = (r: { provider: string; model: string }) => `${r.provider}\u0000${r.model}`;
const ratio = (passed: number, checked: number) => (checked ? passed / checked : null);

/**
 * Per-model figures for a listing's evidence. `protect`: when the viewer may not read the body,
 * sample outputs are cut wherever they echo the body, the rendered prompt or a variable's value.
 */
export async function evidenceModelStats(db: DbOrTx, listingId: string, protect: boolean): Promise<EvidenceModelStat[]> {
  const cte = cellsCte(listingId);
  const [models, checks, samples] = await Promise.all([
    db.$queryRaw<ModelRow[]>`${cte}
      SELECT provider, model,
             count(*)::int AS cells,
             (count(*) FILTER (WHERE failed))::int AS errors,
             ((percentile_cont(0.5) WITHIN GROUP (ORDER BY "costUsd"::float8) FILTER (WHERE NOT failed AND "costUsd" IS NOT NULL))::numeric(18, 10))::text AS "medianCostUsd",
             (count(*) FILTER (WHERE NOT failed AND "costUsd" IS NOT NULL))::int AS "pricedCells",
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") FILTER (WHERE NOT failed AND "latencyMs" IS NOT NULL))::float8 AS "medianLatencyMs",
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY "ttftMs") FILTER (WHERE NOT failed AND "ttftMs" IS NOT NULL))::float8 AS "medianTtftMs",
             min(position)::int AS "firstPosition"
        FROM cells GROUP BY provider, model`,
    db.$queryRaw<CheckRow[]>`${cte}
      SELECT provider, model, type, value, count(*)::int AS checked, (count(*) FILTER (WHERE pass))::int AS passed
        FROM checks GROUP BY provider, model, type, value`,
    // The latest answers first, one per row of a batch; their pass state is all of their assertions.
    db.$queryRaw<SampleRow[]>`${cte}
      SELECT s.provider, s.model, left(s.output, ${SAMPLE_MAX_CHARS}) AS output, length(s.output)::int AS "fullLength", s.passed,
             s."versionNumber", s.kind, s.body, s."renderedText", br."renderedText" AS "batchRendered", s.variables, br.variables AS "batchVariables"
        FROM (
          SELECT cells.*,
                 (SELECT bool_and(COALESCE((a->>'pass')::boolean, false)) FROM jsonb_array_elements(cells.assertions) a) AS passed,
                 row_number() OVER (PARTITION BY provider, model ORDER BY "testedAt" DESC, "sourceId", "rowIndex") AS rn
            FROM cells WHERE NOT failed AND btrim(output) <> ''
        ) s
        LEFT JOIN "HarnessBatchRow" br ON s.kind = 'batch' AND br."batchId" = s."sourceId" AND br.index = s."rowIndex"
       WHERE s.rn <= ${SAMPLES_PER_MODEL}
       ORDER BY s.rn`,
  ]);

  const checksOf = new Map<string, CheckRow[]>();
  for (const c of checks) checksOf.set(key(c), [...(checksOf.get(key(c)) ?? []), c]);
  const samplesOf = new Map<string, SampleRow[]>();
  for (const s of samples) samplesOf.set(key(s), [...(samplesOf.get(key(s)) ?? []), s]);

  return models
    .sort((a, b) => a.firstPosition - b.firstPosition || a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model))
    .map((m) => {
      const asserted = (checksOf.get(key(m)) ?? []).sort((a, b) => a.type.localeCompare(b.type) || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
      const checked = asserted.reduce((n, a) => n + a.checked, 0);
      const passed = asserted.reduce((n, a) => n + a.passed, 0);
      return {
        provider: m.provider,
        model: m.model,
        cells: m.cells,
        errors: m.errors,
        checked,
        passed,
        passRate: ratio(passed, checked),
        medianCostUsd: m.medianCostUsd === null ? null : trimDecimal(m.medianCostUsd),
        pricedCells: m.pricedCells,
        medianLatencyMs: m.medianLatencyMs === null ? null : Math.round(m.medianLatencyMs),
        medianTtftMs: m.medianTtftMs === null ? null : Math.round(m.medianTtftMs),
        assertions: asserted.map((a) => ({ type: a.type, value: a.value, checked: a.checked, passed: a.passed, passRate: a.passed / a.checked })),
        samples: (samplesOf.get(key(m)) ?? []).map((s) => sampleOf(s, protect)),
      };
    });
}

function sampleOf(s: SampleRow, protect: boolean): EvidenceSample {
  const truncated = s.fullLength > s.output.length;
  const base = { truncated, passed: s.passed, versionNumber: s.versionNumber, kind: s.kind };
  if (!protect) return { ...base, output: s.output, redacted: false };
  const rendered = s.renderedText ?? s.batchRendered ?? "";
  const values = Object.values({ ...asRecord(s.variables), ...asRecord(s.batchVariables) }).filter((v): v is string => typeof v === "string");
  const { text, redacted } = redactEchoes(s.output, [s.body, rendered], values);
  return { ...base, output: text, redacted };
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** "0.0000150000" -> "0.000015": the column's scale, not the figure's. */
function trimDecimal(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Pass rate over a set of model figures (all checks weigh the same). */
export function overallPassRate(models: readonly Pick<EvidenceModelStat, "checked" | "passed">[]): number | null {
  return ratio(
    models.reduce((n, m) => n + m.passed, 0),
    models.reduce((n, m) => n + m.checked, 0),
  );
}

/**
 * The Market card's line ("Tested on 3 models · 92% pass") for many listings in two queries:
 * distinct models and checks over their evidence.
 */
export async function evidenceBadges(db: DbOrTx, listingIds: readonly string[]): Promise<Map<string, { models: number; passRate: number | null }>> {
  const out = new Map<string, { models: number; passRate: number | null }>();
  if (!listingIds.length) return out;
  const ids = [...new Set(listingIds)];
  const rows = await db.$queryRaw<{ listingId: string; models: number; checked: number; passed: number }[]>`
    WITH cells AS (
      SELECT e."listingId", r.provider, r.model, r.assertions, run.assertions AS asked, (r.status = 'error' OR r.error IS NOT NULL) AS failed
        FROM "ListingEvidence" e JOIN "HarnessRun" run ON run.id = e."runId" JOIN "HarnessResult" r ON r."runId" = run.id
       WHERE e."listingId" = ANY(${ids}) AND r.status IN ('done', 'error')
      UNION ALL
      SELECT e."listingId", c.provider, c.model, c.assertions, b.assertions, (c.status = 'error' OR c.error IS NOT NULL)
        FROM "ListingEvidence" e JOIN "HarnessBatch" b ON b.id = e."batchId" JOIN "HarnessBatchCell" c ON c."batchId" = b.id
       WHERE e."listingId" = ANY(${ids}) AND c.status IN ('done', 'error')
    ), checks AS (
      SELECT cells."listingId", COALESCE((a->>'pass')::boolean, false) AS pass FROM cells, jsonb_array_elements(cells.assertions) a
      UNION ALL
      SELECT cells."listingId", false FROM cells, jsonb_array_elements(cells.asked) a WHERE cells.failed AND jsonb_array_length(cells.assertions) = 0
    )
    SELECT m."listingId", m.models, COALESCE(c.checked, 0)::int AS checked, COALESCE(c.passed, 0)::int AS passed
      FROM (SELECT "listingId", count(DISTINCT (provider, model))::int AS models FROM cells GROUP BY "listingId") m
      LEFT JOIN (SELECT "listingId", count(*)::int AS checked, (count(*) FILTER (WHERE pass))::int AS passed FROM checks GROUP BY "listingId") c
        ON c."listingId" = m."listingId"`;
  for (const r of rows) out.set(r.listingId, { models: r.models, passRate: ratio(r.passed, r.checked) });
  return out;
}
