// The read side of induced templates: only their owner ever sees them; another user's id is NOT_FOUND.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { jobById, latestJob, type BackgroundJobView } from "../background-jobs/background-jobs";
import { NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import type { ListTemplatesInput, TemplateByIdInput } from "./schemas";

export const RECLUSTER_JOB = "template.recluster" as const;

const templateSelect = {
  id: true,
  shell: true,
  variables: true,
  memberCount: true,
  captureCount: true,
  firstSeenAt: true,
  lastSeenAt: true,
  promotedPrompt: { select: { id: true, slug: true, title: true, ownerId: true } },
  // One detected prompt per template once re-clustering merged them; the busiest if not yet.
  detected: { select: { id: true, title: true }, orderBy: [{ callCount: "desc" }, { id: "asc" }], take: 1 },
} satisfies Prisma.PromptTemplateSelect;

type TemplateRow = Prisma.PromptTemplateGetPayload<{ select: typeof templateSelect }>;

function present(row: TemplateRow, actor: Actor, totalCaptures: number) {
  const { promotedPrompt: promoted, detected, ...rest } = row;
  return {
    ...rest,
    share: totalCaptures > 0 ? Math.min(1, row.captureCount / totalCaptures) : 0,
    promotedPrompt: promoted && promoted.ownerId === actor.id ? { id: promoted.id, slug: promoted.slug, title: promoted.title } : null,
    detectedPrompt: detected[0] ?? null,
  };
}
export type TemplateView = ReturnType<typeof present>;

/**
 * The denominator of a template's share: the owner's captured prompts templates are induced from
 * (the inbox: decisions "new" and "variant" with a prompt text) plus those in a template (which
 * include the uses of promoted templates).
 */
export async function templateCaptureTotal(db: DbOrTx, ownerId: string): Promise<number> {
  return db.capture.count({
    where: { ownerId, OR: [{ templateId: { not: null } }, { decision: { in: ["new", "variant"] }, promptText: { not: null } }] },
  });
}

const jobSummary = (job: BackgroundJobView | null) =>
  job ? { id: job.id, status: job.status, done: job.done, total: job.total, finishedAt: job.finishedAt, error: job.error } : null;

/** The caller's templates, most recently seen first, with the share of captures each covers and the latest re-cluster job. */
export async function listTemplates(db: DbOrTx, actor: Actor, input: ListTemplatesInput) {
  const [rows, totalCaptures, job] = await Promise.all([
    db.promptTemplate.findMany({
      where: { ownerId: actor.id },
      orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
      select: templateSelect,
      ...page(input),
    }),
    templateCaptureTotal(db, actor.id),
    latestJob(db, RECLUSTER_JOB, actor.id),
  ]);
  const { items, nextCursor } = pageResult(rows, input);
  return { items: items.map((row) => present(row, actor, totalCaptures)), nextCursor, totalCaptures, job: jobSummary(job) };
}
export type TemplateList = Awaited<ReturnType<typeof listTemplates>>;

/** One template with its captures (newest first) and the values each gave its variables. */
export async function templateById(db: DbOrTx, actor: Actor, input: TemplateByIdInput) {
  const row = await db.promptTemplate.findFirst({ where: { id: input.templateId, ownerId: actor.id }, select: templateSelect });
  if (!row) throw new NotFoundError("Template");
  const [captures, totalCaptures] = await Promise.all([
    db.capture.findMany({
      where: { templateId: row.id, ownerId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true, model: true, templateValues: true },
      ...page(input),
    }),
    templateCaptureTotal(db, actor.id),
  ]);
  const { items, nextCursor } = pageResult(captures, input);
  return {
    template: present(row, actor, totalCaptures),
    captures: items.map(({ templateValues, ...c }) => ({ ...c, values: valuesOf(templateValues) })),
    nextCursor,
  };
}
export type TemplateDetail = Awaited<ReturnType<typeof templateById>>;

/** Stored values are {variable: string}; anything else (never written by us) reads as none. */
function valuesOf(json: Prisma.JsonValue | null): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(json)) if (typeof value === "string") values[name] = value;
  return values;
}

/** One of the caller's re-cluster jobs; anyone else's (or another kind) is NOT_FOUND. */
export async function reclusterJob(db: DbOrTx, actor: Actor, input: { jobId: string }) {
  const job = await jobById(db, input.jobId, actor.id);
  if (job.kind !== RECLUSTER_JOB) throw new NotFoundError("Job");
  return { id: job.id, status: job.status, done: job.done, total: job.total, result: job.result, error: job.error };
}
