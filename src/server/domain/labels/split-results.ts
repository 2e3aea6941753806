// How each version of a label did since its current arrangement began (its last move): calls the
// runtime endpoint served per version (usage events: kind render, source api), and the captured
// calls identity matched to each version (Capture.matchedVersionId): count, error rate, median
// latency and mean cost. Only for those who may read the prompt's analytics (its owner; in an
// organisation the analytics.read roles).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { NotFoundError } from "../errors";

type CaptureRow = { versionId: string; calls: bigint; errors: bigint; p50: number | null; meanCost: Prisma.Decimal | string | null };
type ServedRow = { versionId: string; served: bigint };

export async function labelResults(db: DbOrTx, viewer: Viewer, input: { promptId: string; name: string; since?: Date }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  await assertPromptAction(db, viewer, prompt, "analytics.read");
  const label = await db.promptLabel.findUnique({
    where: { promptId_name: { promptId: prompt.id, name: input.name } },
    select: { name: true, splitPercent: true, version: { select: { id: true, number: true } }, splitVersion: { select: { id: true, number: true } } },
  });
  if (!label) throw new NotFoundError(`Label "${input.name}"`);
  const lastMove = input.since ? null : await db.promptLabelMove.findFirst({ where: { promptId: prompt.id, name: input.name }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const since = input.since ?? lastMove?.createdAt ?? new Date(0);
  const split = label.splitVersion && label.splitPercent > 0 ? label.splitVersion : null;
  const arms = [
    { ...label.version, percent: split ? 100 - label.splitPercent : 100 },
    ...(split ? [{ ...split, percent: label.splitPercent }] : []),
  ];
  const ids = arms.map((a) => a.id);
  const [served, captured] = await Promise.all([
    db.$queryRaw<ServedRow[]>`
      SELECT "versionId", count(*) AS served FROM "UsageEvent"
      WHERE "promptId" = ${prompt.id} AND "versionId" IN (${Prisma.join(ids)}) AND kind = 'render' AND source = 'api' AND at >= ${since}
      GROUP BY "versionId"`,
    db.$queryRaw<CaptureRow[]>`
      SELECT "matchedVersionId" AS "versionId", count(*) AS calls,
             count(*) FILTER (WHERE status >= 400 OR error IS NOT NULL) AS errors,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50,
             avg("costUsd") AS "meanCost"
      FROM "Capture"
      WHERE "matchedVersionId" IN (${Prisma.join(ids)}) AND "createdAt" >= ${since}
      GROUP BY "matchedVersionId"`,
  ]);
  const servedBy = new Map(served.map((r) => [r.versionId, Number(r.served)]));
  const capturedBy = new Map(captured.map((r) => [r.versionId, r]));
  return {
    name: label.name,
    since,
    versions: arms.map((arm) => {
      const c = capturedBy.get(arm.id);
      const calls = c ? Number(c.calls) : 0;
      const errors = c ? Number(c.errors) : 0;
      return {
        versionId: arm.id,
        number: arm.number,
        percent: arm.percent,
        served: servedBy.get(arm.id) ?? 0,
        captured: {
          calls,
          errors,
          errorRate: calls ? errors / calls : null,
          p50LatencyMs: c?.p50 == null ? null : Math.round(Number(c.p50)),
          meanCostUsd: c?.meanCost == null ? null : Number(c.meanCost),
        },
      };
    }),
  };
}
