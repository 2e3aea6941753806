// Re-clustering one owner's captured prompts into templates. The inbox (captures decided "new" or
// "variant", with a prompt text; never library uses) is read page by page, identical texts once;
// texts that fit a promoted template become uses of its prompt, the rest go through induction. Then,
// in one transaction under the owner's capture lock: templates are kept (same id when their shell or
// their members are essentially the same, so links and promotions survive), created or deleted
// (never a promoted one), every inbox capture gets its template and values (or loses them), the
// detected prompts whose captures fall in one template are merged into one, and every template's
// counts are recomputed from its captures.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db/prisma";
import { env } from "@/env";
import { MAX_BODY_LENGTH } from "@/shared/prompts/prompt-fields";
import { constantLength, matchRendered } from "@/shared/prompts/match-rendered";
import { reportProgress } from "../background-jobs/background-jobs";
import { MIN_SHELL_CONSTANT } from "./fit-template";
import { induceOffThread } from "./induce-off-thread";
import type { InductionResult } from "./induction/types";
import { lockOwnerCaptures } from "./owner-capture-lock";
import { countTemplateCapturesAsUses } from "./promote-template";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

export type ReclusterOptions = {
  /** Progress goes to this BackgroundJob (started and finished by the caller). */
  jobId?: string;
  /** Similarity at which prompts join a cluster; TEMPLATE_THRESHOLD by default. */
  threshold?: number;
  /** Captures read per query. */
  pageSize?: number;
  /** Told each time progress is reported (the CLI prints it). */
  onProgress?: (done: number, total: number) => void;
  /** From this many distinct texts induction runs in a worker thread (induce-off-thread.ts). */
  offThreadFrom?: number;
};

export type ReclusterResult = {
  threshold: number;
  /** Inbox captures read, and their distinct prompt texts. */
  captures: number;
  texts: number;
  /** Templates after the run (promoted ones included), and what changed. */
  templates: number;
  created: number;
  kept: number;
  deleted: number;
  /** Inbox captures now in a template, and those in none. */
  clustered: number;
  unclustered: number;
  /** Inbox captures that fit a promoted template and became uses of its prompt. */
  promotedUses: number;
  /** Detected prompts merged into another (and deleted). */
  detectedMerged: number;
  ms: number;
};

const DEFAULT_PAGE = 2000;
/** Rows per batched UPDATE (one statement with a JSON parameter). */
const WRITE_BATCH = 1000;
/** A re-clustered template keeps an old one's id when this share of their members is the same. */
const SAME_MEMBERS = 0.5;

/** Where the inbox starts: captures identity sent there, which have a prompt text to cluster. */
const inboxWhere = (ownerId: string) =>
  ({ ownerId, decision: { in: ["new", "variant"] }, promptText: { not: null } }) satisfies Prisma.CaptureWhereInput;

type CaptureRef = { id: string; text: number; detectedPromptId: string | null; templateId: string | null };
type TextInfo = { first: Date; last: Date };

type Assigned = { templateKey: number; values: Record<string, string> };

/** One template the run ends with: an induced cluster (key ≥ 0) or a promoted template texts fit. */
type Planned = {
  key: number;
  shell: string;
  variables: string[];
  /** Text indices → values. */
  members: Map<number, Record<string, string>>;
  /** An existing template's id it takes over, once matched. */
  id?: string;
};

export async function reclusterOwner(db: Db, ownerId: string, opts: ReclusterOptions = {}): Promise<ReclusterResult> {
  const started = Date.now();
  const threshold = opts.threshold ?? env.TEMPLATE_THRESHOLD;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE;

  // 1. Read the inbox, one page at a time, keeping each distinct text once.
  const total = await db.capture.count({ where: inboxWhere(ownerId) });
  const progress = async (done: number) => {
    opts.onProgress?.(done, total * 2);
    if (opts.jobId) await reportProgress(db, opts.jobId, done, total * 2);
  };
  await progress(0);
  const textIndex = new Map<string, number>();
  const texts: string[] = [];
  const info: TextInfo[] = [];
  const captures: CaptureRef[] = [];
  // Oldest first, through the (owner, created) index: the same order on every run.
  let cursor: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const after = cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {};
    const rows = await db.capture.findMany({
      where: { ...inboxWhere(ownerId), ...after },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: pageSize,
      select: { id: true, promptText: true, createdAt: true, detectedPromptId: true, templateId: true },
    });
    for (const row of rows) {
      const text = row.promptText as string;
      let index = textIndex.get(text);
      if (index === undefined) {
        index = texts.length;
        textIndex.set(text, index);
        texts.push(text);
        info.push({ first: row.createdAt, last: row.createdAt });
      } else {
        const seen = info[index];
        if (row.createdAt < seen.first) seen.first = row.createdAt;
        if (row.createdAt > seen.last) seen.last = row.createdAt;
      }
      captures.push({ id: row.id, text: index, detectedPromptId: row.detectedPromptId, templateId: row.templateId });
    }
    await progress(captures.length);
    if (rows.length < pageSize) break;
    const last = rows[rows.length - 1];
    cursor = { createdAt: last.createdAt, id: last.id };
  }
  textIndex.clear();

  // 2. Texts that fit a promoted template are uses of its prompt; they are not clustered again.
  const existing = await db.promptTemplate.findMany({
    where: { ownerId },
    select: { id: true, shell: true, variables: true, promotedPromptId: true },
    orderBy: { createdAt: "asc" },
  });
  const promoted = existing
    .filter((t) => t.promotedPromptId !== null && constantLength(t.shell) >= MIN_SHELL_CONSTANT)
    .sort((a, b) => constantLength(b.shell) - constantLength(a.shell));
  const assigned: (Assigned | undefined)[] = new Array(texts.length);
  const planned: Planned[] = [];
  const promotedPlans = new Map<string, Planned>();
  const toInduce: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    let fitted = false;
    for (const t of promoted) {
      const match = matchRendered(t.shell, texts[i]);
      if (!match) continue;
      let plan = promotedPlans.get(t.id);
      if (!plan) {
        plan = { key: -1 - promotedPlans.size, shell: t.shell, variables: t.variables, members: new Map(), id: t.id };
        promotedPlans.set(t.id, plan);
      }
      plan.members.set(i, match.values);
      assigned[i] = { templateKey: plan.key, values: match.values };
      fitted = true;
      break;
    }
    // A template's shell must be a prompt body: longer texts stay out of induction.
    if (!fitted && texts[i].length <= MAX_BODY_LENGTH) toInduce.push(i);
  }

  // 3. Induction over the rest.
  const induced: InductionResult = toInduce.length >= 2 ? await induceOffThread(toInduce.map((i) => texts[i]), { threshold }, opts.offThreadFrom) : { templates: [], unclustered: [] };
  for (const template of induced.templates) {
    // One distinct text is not a template (identical calls were folded into one text above).
    if (template.members.length < 2) continue;
    const plan: Planned = { key: planned.length, shell: template.template, variables: template.variables, members: new Map() };
    template.members.forEach((m, k) => {
      const textIdx = toInduce[m];
      if (textIdx === undefined || assigned[textIdx]) return;
      const values = template.values[k] ?? {};
      plan.members.set(textIdx, values);
      assigned[textIdx] = { templateKey: plan.key, values };
    });
    if (plan.members.size >= 2) planned.push(plan);
    else for (const textIdx of plan.members.keys()) assigned[textIdx] = undefined;
  }
  await progress(total + Math.floor(total / 2));

  // 4. Keep ids stable: an induced template takes over the existing (not promoted) template with
  // the same shell, or the one sharing most of its members.
  const oldMembers = new Map<string, Set<number>>();
  for (const c of captures) {
    if (!c.templateId) continue;
    let set = oldMembers.get(c.templateId);
    if (!set) oldMembers.set(c.templateId, (set = new Set()));
    set.add(c.text);
  }
  matchExisting(planned, existing.filter((t) => t.promotedPromptId === null), oldMembers);

  // 5. Detected prompts whose captures fall in one template become one (connected through templates).
  const planOfKey = new Map<number, Planned>([...planned, ...promotedPlans.values()].map((p) => [p.key, p]));
  const merges = planDetectedMerges(captures, assigned, planOfKey);

  // 6. Write it all at once.
  const written = await db.$transaction((tx) => writeClusters(tx, ownerId, { texts, info, captures, assigned, planned, promotedPlans, existing, merges }), {
    timeout: 10 * 60_000,
    maxWait: 60_000,
  });
  await progress(total * 2);

  const clustered = captures.filter((c) => assigned[c.text] && assigned[c.text]!.templateKey >= 0).length;
  return {
    threshold,
    captures: captures.length,
    texts: texts.length,
    templates: written.templates,
    created: written.created,
    kept: written.kept,
    deleted: written.deleted,
    clustered,
    unclustered: captures.length - clustered - written.promotedUses,
    promotedUses: written.promotedUses,
    detectedMerged: written.detectedMerged,
    ms: Date.now() - started,
  };
}

/** Greedy one-to-one matching of induced templates to existing ones: same shell first, then most shared members. */
function matchExisting(planned: Planned[], candidates: { id: string; shell: string }[], oldMembers: Map<string, Set<number>>) {
  const pairs: { plan: Planned; id: string; score: number }[] = [];
  for (const plan of planned) {
    for (const old of candidates) {
      const members = oldMembers.get(old.id);
      let shared = 0;
      if (members) for (const m of plan.members.keys()) if (members.has(m)) shared++;
      const union = plan.members.size + (members?.size ?? 0) - shared;
      const jaccard = union > 0 ? shared / union : 0;
      if (old.shell === plan.shell) pairs.push({ plan, id: old.id, score: 2 + jaccard });
      else if (jaccard >= SAME_MEMBERS) pairs.push({ plan, id: old.id, score: jaccard });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.plan.key - b.plan.key || a.id.localeCompare(b.id));
  const taken = new Set<string>();
  for (const { plan, id } of pairs) {
    if (plan.id || taken.has(id)) continue;
    plan.id = id;
    taken.add(id);
  }
}

type DetectedMerges = {
  /** Detected prompt → the one it merges into (itself when it survives). */
  root: Map<string, string>;
  /** Detected prompt → template key holding most of its captures. */
  templateOf: Map<string, number>;
};

function planDetectedMerges(captures: CaptureRef[], assigned: (Assigned | undefined)[], planOfKey: Map<number, Planned>): DetectedMerges {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    // Path compression keeps later finds short.
    let y = x;
    while (parent.get(y) !== r) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const firstOfTemplate = new Map<number, string>();
  const counts = new Map<string, Map<number, number>>();
  for (const c of captures) {
    const a = assigned[c.text];
    // Promoted templates' captures leave the inbox: their detected prompts are not merged by them.
    if (!a || !c.detectedPromptId || a.templateKey < 0) continue;
    if (!parent.has(c.detectedPromptId)) parent.set(c.detectedPromptId, c.detectedPromptId);
    const first = firstOfTemplate.get(a.templateKey);
    if (first === undefined) firstOfTemplate.set(a.templateKey, c.detectedPromptId);
    else {
      const ra = find(first);
      const rb = find(c.detectedPromptId);
      if (ra !== rb) parent.set(rb, ra);
    }
    let byTemplate = counts.get(c.detectedPromptId);
    if (!byTemplate) counts.set(c.detectedPromptId, (byTemplate = new Map()));
    byTemplate.set(a.templateKey, (byTemplate.get(a.templateKey) ?? 0) + 1);
  }
  const root = new Map<string, string>();
  for (const id of parent.keys()) root.set(id, find(id));
  const templateOf = new Map<string, number>();
  for (const [id, byTemplate] of counts) {
    let best = -1;
    let bestCount = -1;
    for (const [key, n] of byTemplate) if (n > bestCount || (n === bestCount && key < best)) [best, bestCount] = [key, n];
    if (planOfKey.has(best)) templateOf.set(id, best);
  }
  return { root, templateOf };
}

type WritePlan = {
  texts: string[];
  info: TextInfo[];
  captures: CaptureRef[];
  assigned: (Assigned | undefined)[];
  planned: Planned[];
  promotedPlans: Map<string, Planned>;
  existing: { id: string; shell: string; variables: string[]; promotedPromptId: string | null }[];
  merges: DetectedMerges;
};

async function writeClusters(tx: Tx, ownerId: string, plan: WritePlan) {
  await lockOwnerCaptures(tx, ownerId);
  // The batched joins below match thousands of rows by key; statistics of a table that just grew
  // (PGlite has no autovacuum) can make the planner loop over one side per row of the other.
  await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
  const { info, captures, assigned, planned, promotedPlans, merges } = plan;

  // A template promoted since it was read is no longer ours to rewrite: its cluster gets a new one.
  const fresh = await tx.promptTemplate.findMany({ where: { ownerId }, select: { id: true, promotedPromptId: true } });
  const promotedNow = new Map(fresh.filter((t) => t.promotedPromptId).map((t) => [t.id, t.promotedPromptId as string]));
  const stillThere = new Set(fresh.map((t) => t.id));
  for (const p of planned) if (p.id && (promotedNow.has(p.id) || !stillThere.has(p.id))) p.id = undefined;

  // Templates: update the kept, create the new, delete the rest (never a promoted one).
  let created = 0;
  let kept = 0;
  const idOfKey = new Map<number, string>();
  const before = new Map(plan.existing.map((t) => [t.id, t]));
  for (const p of planned) {
    const seen = seenRange(p, info);
    if (p.id) {
      const old = before.get(p.id);
      if (!old || old.shell !== p.shell || old.variables.join("\u0000") !== p.variables.join("\u0000")) {
        await tx.promptTemplate.update({ where: { id: p.id }, data: { shell: p.shell, variables: p.variables } });
      }
      kept++;
    } else {
      const row = await tx.promptTemplate.create({
        data: { ownerId, shell: p.shell, variables: p.variables, firstSeenAt: seen.first, lastSeenAt: seen.last },
        select: { id: true },
      });
      p.id = row.id;
      created++;
      await emitWebhookEvent(tx, { type: "template.found", userId: ownerId, data: { templateId: row.id, shell: p.shell, variables: p.variables, firstSeenAt: seen.first, lastSeenAt: seen.last } });
    }
    idOfKey.set(p.key, p.id);
  }
  for (const p of promotedPlans.values()) if (p.id && promotedNow.has(p.id)) idOfKey.set(p.key, p.id);
  const keep = new Set([...idOfKey.values(), ...promotedNow.keys()]);
  const stale = fresh.filter((t) => !keep.has(t.id)).map((t) => t.id);
  if (stale.length) await tx.promptTemplate.deleteMany({ where: { id: { in: stale }, ownerId, promotedPromptId: null } });

  // Captures: their template and values, written only where they changed and only while still in
  // the inbox (a capture promoted meanwhile is a library use now).
  for (let start = 0; start < captures.length; start += WRITE_BATCH) {
    const rows = captures.slice(start, start + WRITE_BATCH).map((c) => {
      const a = assigned[c.text];
      const templateId = a ? (idOfKey.get(a.templateKey) ?? null) : null;
      return { id: c.id, templateId, values: templateId && a ? a.values : null };
    });
    await tx.$executeRaw`
      UPDATE "Capture" c SET "templateId" = m."templateId", "templateValues" = m."values"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS m(id text, "templateId" text, "values" jsonb)
      WHERE c.id = ANY(${rows.map((r) => r.id)}) AND c.id = m.id AND c."ownerId" = ${ownerId} AND c.decision IN ('new', 'variant')
        AND (c."templateId" IS DISTINCT FROM m."templateId" OR c."templateValues" IS DISTINCT FROM m."values")`;
  }

  // Inbox captures that fit a promoted template are uses of its prompt (version 1: the shell).
  let promotedUses = 0;
  for (const p of promotedPlans.values()) {
    const promptId = p.id ? promotedNow.get(p.id) : undefined;
    if (!p.id || !promptId) continue;
    const version = await tx.promptVersion.findFirst({ where: { promptId, body: p.shell }, orderBy: { number: "asc" }, select: { id: true } });
    promotedUses += await countTemplateCapturesAsUses(tx, { ownerId, templateId: p.id, promptId, versionId: version?.id ?? null, detected: "emptied" });
  }

  const detectedMerged = await mergeDetected(tx, ownerId, merges, idOfKey, promotedNow);
  await recountTemplates(tx, ownerId);
  const templates = await tx.promptTemplate.count({ where: { ownerId } });
  return { templates, created, kept, deleted: stale.length, promotedUses, detectedMerged };
}

function seenRange(p: Planned, info: TextInfo[]) {
  let first: Date | undefined;
  let last: Date | undefined;
  for (const i of p.members.keys()) {
    if (!first || info[i].first < first) first = info[i].first;
    if (!last || info[i].last > last) last = info[i].last;
  }
  const now = new Date();
  return { first: first ?? now, last: last ?? now };
}

const detectedSelect = {
  id: true,
  status: true,
  callCount: true,
  costUsd: true,
  models: true,
  firstSeenAt: true,
  lastSeenAt: true,
  suggestedForkOfPromptId: true,
  suggestedSimilarity: true,
} satisfies Prisma.DetectedPromptSelect;
type DetectedRow = Prisma.DetectedPromptGetPayload<{ select: typeof detectedSelect }>;

/**
 * Each group of detected prompts joined by a template becomes its busiest member (a promoted one
 * first: it is the record of a library prompt): calls, cost and models summed, seen dates widened,
 * still in the inbox if any was, and a suggested fork kept. The others' captures move to it and they
 * are deleted. Every detected prompt then points at its template (or none).
 */
async function mergeDetected(tx: Tx, ownerId: string, merges: DetectedMerges, idOfKey: Map<number, string>, promotedNow: Map<string, string>): Promise<number> {
  const ids = [...merges.root.keys()];
  const rows: DetectedRow[] = [];
  for (let start = 0; start < ids.length; start += WRITE_BATCH) {
    rows.push(...(await tx.detectedPrompt.findMany({ where: { ownerId, id: { in: ids.slice(start, start + WRITE_BATCH) } }, select: detectedSelect })));
  }
  type Row = DetectedRow;
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const root = merges.root.get(row.id) as string;
    const group = groups.get(root);
    if (group) group.push(row);
    else groups.set(root, [row]);
  }

  const moves: { loser: string; survivor: string }[] = [];
  const survivorOf = new Map<string, string>();
  for (const group of groups.values()) {
    group.sort(
      (a, b) =>
        Number(b.status === "promoted") - Number(a.status === "promoted") ||
        b.callCount - a.callCount ||
        a.firstSeenAt.getTime() - b.firstSeenAt.getTime() ||
        a.id.localeCompare(b.id),
    );
    const survivor = group[0];
    for (const row of group) survivorOf.set(row.id, survivor.id);
    if (group.length === 1) continue;
    // Two promoted prompts stay apart: each is the record of its own library prompt.
    const losers = group.slice(1).filter((r) => r.status !== "promoted");
    for (const r of group.slice(1)) if (r.status === "promoted") survivorOf.set(r.id, r.id);
    if (!losers.length) continue;
    const all = [survivor, ...losers];
    const fork = all.filter((r) => r.suggestedForkOfPromptId).sort((a, b) => (b.suggestedSimilarity ?? 0) - (a.suggestedSimilarity ?? 0))[0];
    const suggested = survivor.suggestedForkOfPromptId ? survivor : fork;
    await tx.detectedPrompt.update({
      where: { id: survivor.id },
      data: {
        callCount: all.reduce((n, r) => n + r.callCount, 0),
        costUsd: all.reduce((sum, r) => sum.add(r.costUsd), survivor.costUsd.mul(0)),
        models: [...new Set(all.flatMap((r) => r.models))].sort(),
        firstSeenAt: new Date(Math.min(...all.map((r) => r.firstSeenAt.getTime()))),
        lastSeenAt: new Date(Math.max(...all.map((r) => r.lastSeenAt.getTime()))),
        status: survivor.status === "promoted" ? "promoted" : all.some((r) => r.status === "detected") ? "detected" : "dismissed",
        suggestedForkOfPromptId: suggested?.suggestedForkOfPromptId ?? null,
        suggestedSimilarity: suggested?.suggestedSimilarity ?? null,
      },
    });
    for (const loser of losers) moves.push({ loser: loser.id, survivor: survivor.id });
  }
  for (let start = 0; start < moves.length; start += WRITE_BATCH) {
    const batch = moves.slice(start, start + WRITE_BATCH);
    // Every capture of a merged prompt moves, those identity added since the inbox was read too.
    await tx.$executeRaw`
      UPDATE "Capture" c SET "detectedPromptId" = m.survivor
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS m(loser text, survivor text)
      WHERE c."detectedPromptId" = m.loser AND c."ownerId" = ${ownerId}`;
    await tx.detectedPrompt.deleteMany({ where: { ownerId, id: { in: batch.map((m) => m.loser) } } });
  }

  // Links to templates: each surviving detected prompt points at its template; links to templates
  // its captures left are cleared (a promoted template's links stay).
  const links: { id: string; templateId: string }[] = [];
  const linked = new Map<string, string>();
  for (const [id, key] of merges.templateOf) {
    const survivor = survivorOf.get(id) ?? id;
    const templateId = idOfKey.get(key);
    if (templateId && !linked.has(survivor)) linked.set(survivor, templateId);
  }
  for (const [id, templateId] of linked) links.push({ id, templateId });
  const keepPromoted = [...promotedNow.keys()];
  await tx.detectedPrompt.updateMany({
    where: { ownerId, templateId: { not: null, notIn: keepPromoted }, id: { notIn: [...linked.keys()] } },
    data: { templateId: null },
  });
  for (let start = 0; start < links.length; start += WRITE_BATCH) {
    await tx.$executeRaw`
      UPDATE "DetectedPrompt" d SET "templateId" = m."templateId", "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(links.slice(start, start + WRITE_BATCH))}::jsonb) AS m(id text, "templateId" text)
      WHERE d.id = m.id AND d."ownerId" = ${ownerId} AND d."templateId" IS DISTINCT FROM m."templateId"`;
  }
  return moves.length;
}

/** Every template's counts from the captures that point at it (distinct texts, calls, first and last seen). */
async function recountTemplates(tx: Tx, ownerId: string) {
  await tx.$executeRaw`
    UPDATE "PromptTemplate" t
    SET "memberCount" = COALESCE(s.members, 0), "captureCount" = COALESCE(s.calls, 0),
        "firstSeenAt" = COALESCE(s.first, t."firstSeenAt"), "lastSeenAt" = COALESCE(s.last, t."lastSeenAt")
    FROM "PromptTemplate" t2
    LEFT JOIN (
      SELECT "templateId" AS id, count(DISTINCT md5("promptText"))::int AS members, count(*)::int AS calls,
             min("createdAt") AS first, max("createdAt") AS last
      FROM "Capture" WHERE "ownerId" = ${ownerId} AND "templateId" IS NOT NULL GROUP BY "templateId"
    ) s ON s.id = t2.id
    WHERE t.id = t2.id AND t."ownerId" = ${ownerId}
      AND (t."memberCount", t."captureCount", t."firstSeenAt", t."lastSeenAt")
          IS DISTINCT FROM (COALESCE(s.members, 0), COALESCE(s.calls, 0), COALESCE(s.first, t."firstSeenAt"), COALESCE(s.last, t."lastSeenAt"))`;
}
