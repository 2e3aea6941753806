// Evidence on listings: the seller attaches finished runs and batches of the listed prompt, and
// anyone who can see the listing reads what they show — models, pass rates, median cost and
// latency, sample outputs — next to the prompt's real usage from captures and its lineage. Runs
// and batches are otherwise their owner's alone: this summary is the only way others see them,
// and it never carries the prompt's body, rendered text or variables.
import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Actor, type Viewer } from "../actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { readablePromptsWhere } from "../access/prompt-access";
import { bodyAccessOf } from "../access/paid-access";
import { evidenceModelStats, overallPassRate } from "./evidence-summary";

/** Enough to make a case; bounds the work a public page does. */
export const MAX_EVIDENCE_PER_LISTING = 10;
/** How many of the seller's recent runs and batches the picker offers. */
const CANDIDATE_LIMIT = 30;

export type EvidenceRef = { listingId: string; runId?: string; batchId?: string };

/** The listing as the viewer may see it (drafts: their seller and admins only), else NOT_FOUND. */
async function findVisibleListing(db: DbOrTx, viewer: Viewer, listingId: string) {
  const listing = await db.listing.findFirst({
    where: { id: listingId, prompt: readablePromptsWhere(viewer) },
    select: { id: true, promptId: true, sellerId: true, status: true, prompt: { select: { id: true, ownerId: true } } },
  });
  if (!listing || (listing.status === "draft" && listing.sellerId !== viewer?.id && !isAdmin(viewer))) throw new NotFoundError("Listing");
  return listing;
}

/** Only the listing's seller manages its evidence; others who can see the listing get FORBIDDEN. */
async function findOwnListing(db: DbOrTx, actor: Actor, listingId: string) {
  const listing = await findVisibleListing(db, actor, listingId);
  if (listing.sellerId !== actor.id) throw new ForbiddenError("Only the listing's seller can change its evidence.");
  return listing;
}

function exactlyOneSource(ref: EvidenceRef): { runId: string } | { batchId: string } {
  if (ref.runId && ref.batchId) throw new ValidationError("runId: give either a runId or a batchId, not both.", { runId: ["give a runId or a batchId, not both"], batchId: ["give a runId or a batchId, not both"] });
  if (ref.runId) return { runId: ref.runId };
  if (ref.batchId) return { batchId: ref.batchId };
  throw new ValidationError("runId: give a runId or a batchId.", { runId: ["give a runId or a batchId"], batchId: ["give a runId or a batchId"] });
}

/**
 * Attaches a finished run or batch of the listing's prompt (any version) that the seller made.
 * Attaching the same one twice changes nothing.
 */
export async function attachEvidence(db: Db, actor: Actor, ref: EvidenceRef) {
  const source = exactlyOneSource(ref);
  const listing = await findOwnListing(db, actor, ref.listingId);

  if ("runId" in source) {
    // Someone else's run does not exist for this seller.
    const run = await db.harnessRun.findFirst({ where: { id: source.runId, ownerId: actor.id }, select: { id: true, promptId: true, status: true, candidateBody: true, _count: { select: { results: true } } } });
    if (!run) throw new NotFoundError("Run");
    if (run.promptId !== listing.promptId) throw new ValidationError("runId: this run tested another prompt.", { runId: ["tested another prompt"] });
    if (run.status !== "done") throw new ValidationError("runId: this run has not finished yet.", { runId: ["has not finished"] });
    if (run.candidateBody !== null)
      throw new ValidationError("runId: this run tried an unsaved rewrite, not a version buyers get; save it as a version and run that.", { runId: ["tried an unsaved rewrite"] });
    if (!run._count.results) throw new ValidationError("runId: this run has no results.", { runId: ["has no results"] });
  } else {
    const batch = await db.harnessBatch.findFirst({ where: { id: source.batchId, ownerId: actor.id }, select: { id: true, promptId: true, status: true } });
    if (!batch) throw new NotFoundError("Batch");
    if (batch.promptId !== listing.promptId) throw new ValidationError("batchId: this batch tested another prompt.", { batchId: ["tested another prompt"] });
    if (batch.status !== "done") throw new ValidationError("batchId: this batch has not finished.", { batchId: ["has not finished"] });
    const finishedCells = await db.harnessBatchCell.count({ where: { batchId: batch.id, status: { in: ["done", "error"] } } });
    if (!finishedCells) throw new ValidationError("batchId: this batch has no results.", { batchId: ["has no results"] });
  }

  const where = "runId" in source ? { listingId_runId: { listingId: listing.id, runId: source.runId } } : { listingId_batchId: { listingId: listing.id, batchId: source.batchId } };
  const existing = await db.listingEvidence.findUnique({ where, select: evidenceSelect });
  if (existing) return existing;
  if ((await db.listingEvidence.count({ where: { listingId: listing.id } })) >= MAX_EVIDENCE_PER_LISTING)
    throw new ConflictError(`A listing shows at most ${MAX_EVIDENCE_PER_LISTING} runs and batches; detach one first.`);
  try {
    return await db.listingEvidence.create({ data: { listingId: listing.id, ...source }, select: evidenceSelect });
  } catch (error) {
    // Attached by a concurrent request: the same answer as attaching twice.
    if ((error as { code?: string }).code === "P2002") return db.listingEvidence.findUniqueOrThrow({ where, select: evidenceSelect });
    throw error;
  }
}

const evidenceSelect = { id: true, listingId: true, runId: true, batchId: true, createdAt: true } as const;

/** Detaches a run or batch; detaching one that is not attached changes nothing. */
export async function detachEvidence(db: Db, actor: Actor, ref: EvidenceRef) {
  const source = exactlyOneSource(ref);
  const listing = await findOwnListing(db, actor, ref.listingId);
  const { count } = await db.listingEvidence.deleteMany({ where: { listingId: listing.id, ...source } });
  return { detached: count > 0 };
}

/**
 * What a listing's evidence shows to this viewer (anyone who can see the listing): the attached
 * runs and batches (version tested, when, how much), figures per model, and the prompt's usage and
 * lineage. Sample outputs are cut where they echo a body the viewer may not read.
 */
export async function listingEvidence(db: DbOrTx, viewer: Viewer, input: { listingId: string }) {
  const listing = await findVisibleListing(db, viewer, input.listingId);
  const [rows, prompt, latest, access] = await Promise.all([
    db.listingEvidence.findMany({
      where: { listingId: listing.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        createdAt: true,
        run: { select: { id: true, createdAt: true, finishedAt: true, version: { select: { number: true } }, _count: { select: { results: true } } } },
        batch: { select: { id: true, createdAt: true, finishedAt: true, rowCount: true, cellCount: true, version: { select: { number: true } } } },
      },
    }),
    db.prompt.findUniqueOrThrow({
      where: { id: listing.promptId },
      select: {
        captureCount: true,
        lastCapturedAt: true,
        forkCount: true,
        forkedFromVersion: { select: { number: true, promptId: true } },
      },
    }),
    db.promptVersion.aggregate({ where: { promptId: listing.promptId }, _max: { number: true } }),
    bodyAccessOf(db, viewer, listing.prompt),
  ]);
  const currentVersion = latest._max.number ?? 1;

  type Source = { evidenceId: string; kind: "run" | "batch"; id: string; versionNumber: number; isCurrentVersion: boolean; testedAt: Date; rows: number; cells: number; attachedAt: Date };
  const sources = rows.flatMap((e): Source[] => {
    if (e.run)
      return [{ evidenceId: e.id, kind: "run", id: e.run.id, versionNumber: e.run.version.number, isCurrentVersion: e.run.version.number === currentVersion, testedAt: e.run.finishedAt ?? e.run.createdAt, rows: 1, cells: e.run._count.results, attachedAt: e.createdAt }];
    if (e.batch)
      return [{ evidenceId: e.id, kind: "batch", id: e.batch.id, versionNumber: e.batch.version.number, isCurrentVersion: e.batch.version.number === currentVersion, testedAt: e.batch.finishedAt ?? e.batch.createdAt, rows: e.batch.rowCount, cells: e.batch.cellCount, attachedAt: e.createdAt }];
    return [];
  });

  // A version the viewer may not read still has a number; its text never leaves here.
  const protect = sources.some((s) => !access.canRead(s.versionNumber));
  const models = sources.length ? await evidenceModelStats(db, listing.id, protect) : [];
  const versions = [...new Set(sources.map((s) => s.versionNumber))].sort((a, b) => b - a);

  const parent = prompt.forkedFromVersion;
  const source = parent
    ? await db.prompt.findFirst({ where: { AND: [{ id: parent.promptId }, readablePromptsWhere(viewer)] }, select: { slug: true, title: true, owner: { select: { handle: true } } } })
    : null;

  return {
    listingId: listing.id,
    currentVersion,
    sources,
    models,
    overall: {
      models: models.length,
      cells: models.reduce((n, m) => n + m.cells, 0),
      errors: models.reduce((n, m) => n + m.errors, 0),
      passRate: overallPassRate(models),
      versions,
      testsCurrentVersion: versions.includes(currentVersion),
      lastTestedAt: sources.reduce<Date | null>((latestAt, s) => (!latestAt || s.testedAt > latestAt ? s.testedAt : latestAt), null),
    },
    usage: { captureCount: prompt.captureCount, lastCapturedAt: prompt.lastCapturedAt },
    lineage: {
      isFork: parent !== null,
      /** Named only when the viewer may read the source prompt. */
      forkOf: source && parent ? { slug: source.slug, title: source.title, ownerHandle: source.owner.handle, versionNumber: parent.number } : null,
      forkCount: prompt.forkCount,
    },
  };
}

/**
 * The seller's runs and batches of the listed prompt, newest first, with what the picker shows
 * (version, models, cells, pass rate) and whether each can be attached, and why not.
 */
export async function evidenceCandidates(db: Db, actor: Actor, input: { listingId: string }) {
  const listing = await findOwnListing(db, actor, input.listingId);
  const [latest, attached, runs, batches] = await Promise.all([
    db.promptVersion.aggregate({ where: { promptId: listing.promptId }, _max: { number: true } }),
    db.listingEvidence.findMany({ where: { listingId: listing.id }, select: { runId: true, batchId: true } }),
    db.harnessRun.findMany({
      where: { promptId: listing.promptId, ownerId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: CANDIDATE_LIMIT,
      select: {
        id: true,
        status: true,
        candidateBody: true,
        assertions: true,
        createdAt: true,
        finishedAt: true,
        version: { select: { number: true } },
        results: { select: { provider: true, model: true, status: true, error: true, assertions: true }, orderBy: { position: "asc" } },
      },
    }),
    db.harnessBatch.findMany({
      where: { promptId: listing.promptId, ownerId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: CANDIDATE_LIMIT,
      select: { id: true, status: true, createdAt: true, finishedAt: true, rowCount: true, cellCount: true, models: true, version: { select: { number: true } } },
    }),
  ]);
  const currentVersion = latest._max.number ?? 1;
  const attachedRuns = new Set(attached.map((a) => a.runId).filter(Boolean));
  const attachedBatches = new Set(attached.map((a) => a.batchId).filter(Boolean));
  const batchChecks = await batchCheckCounts(db, batches.map((b) => b.id));

  const items = [
    ...runs.map((r) => {
      let checked = 0;
      let passed = 0;
      const asked = Array.isArray(r.assertions) ? r.assertions.length : 0;
      for (const cell of r.results) {
        const results = Array.isArray(cell.assertions) ? (cell.assertions as { pass?: boolean }[]) : [];
        const failed = cell.status === "error" || cell.error !== null;
        checked += failed && !results.length ? asked : results.length;
        passed += results.filter((a) => a.pass === true).length;
      }
      const blocked = r.status !== "done" ? "not finished" : r.candidateBody !== null ? "tried an unsaved rewrite" : !r.results.length ? "no results" : null;
      return {
        kind: "run" as const,
        id: r.id,
        versionNumber: r.version.number,
        isCurrentVersion: r.version.number === currentVersion,
        status: r.status,
        createdAt: r.createdAt,
        finishedAt: r.finishedAt,
        models: r.results.map((c) => `${c.provider}/${c.model}`),
        rows: 1,
        cells: r.results.length,
        errors: r.results.filter((c) => c.status === "error" || c.error !== null).length,
        passRate: checked ? passed / checked : null,
        attached: attachedRuns.has(r.id),
        cannotAttachReason: blocked,
      };
    }),
    ...batches.map((b) => {
      const counts = batchChecks.get(b.id);
      const blocked = b.status !== "done" ? `not finished (${b.status})` : !counts?.finished ? "no results" : null;
      return {
        kind: "batch" as const,
        id: b.id,
        versionNumber: b.version.number,
        isCurrentVersion: b.version.number === currentVersion,
        status: b.status,
        createdAt: b.createdAt,
        finishedAt: b.finishedAt,
        models: (Array.isArray(b.models) ? (b.models as { provider?: string; model?: string }[]) : []).map((m) => `${m.provider}/${m.model}`),
        rows: b.rowCount,
        cells: b.cellCount,
        errors: counts?.errors ?? 0,
        passRate: counts?.checked ? counts.passed / counts.checked : null,
        attached: attachedBatches.has(b.id),
        cannotAttachReason: blocked,
      };
    }),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return { listingId: listing.id, currentVersion, maxAttached: MAX_EVIDENCE_PER_LISTING, items };
}

/** Finished cells, errors and assertion checks per batch, counted in the database. */
async function batchCheckCounts(db: Db, batchIds: string[]) {
  const out = new Map<string, { finished: number; errors: number; checked: number; passed: number }>();
  if (!batchIds.length) return out;
  // As on the listing: an errored cell without stored results fails every assertion asked.
  const rows = await db.$queryRaw<{ batchId: string; finished: number; errors: number; checked: number; passed: number }[]>`
    SELECT c."batchId",
           count(*)::int AS finished,
           (count(*) FILTER (WHERE c.status = 'error' OR c.error IS NOT NULL))::int AS errors,
           COALESCE(sum(CASE WHEN (c.status = 'error' OR c.error IS NOT NULL) AND jsonb_array_length(c.assertions) = 0
                             THEN jsonb_array_length(b.assertions) ELSE jsonb_array_length(c.assertions) END), 0)::int AS checked,
           COALESCE(sum((SELECT count(*) FROM jsonb_array_elements(c.assertions) a WHERE COALESCE((a->>'pass')::boolean, false))), 0)::int AS passed
      FROM "HarnessBatchCell" c
      JOIN "HarnessBatch" b ON b.id = c."batchId"
     WHERE c."batchId" = ANY(${batchIds}) AND c.status IN ('done', 'error')
     GROUP BY c."batchId"`;
  for (const r of rows) out.set(r.batchId, r);
  return out;
}
