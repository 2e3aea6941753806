// Prompt identity for one captured call, relative to the owner's library (the prompts they own).
// Nothing is created in the library: a call is
//   - "same": a use of a library prompt, counted on it: its text renders one of the library's
//     versions with values (checked first, whatever the embedding says), it fits a template that was
//     promoted, or its identity text (identity-text.ts) is the same as the nearest library prompt's;
//   - "variant": close to a library prompt but edited: it goes to the Detected inbox with that prompt
//     as a suggested fork;
//   - "new": it joins a Detected inbox entry (one template's, one with the same identity text, or
//     the nearest by embedding at the "same" threshold) or opens one;
//   - "skipped": nothing to identify (metadata-only, empty, or a failed call).
// Identity work is done once per distinct identity text: a capture whose identity hash was decided
// before reuses that decision without embedding, and identical texts embedded at once share one call.
// Idempotent; serialised per owner so two captures of one new prompt processed at once open one entry.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx, Tx } from "@/server/db/prisma";
import type { Embedder } from "../embeddings/embedder";
import { recordUsage } from "../analytics/record-usage";
import { ensurePromptEmbeddings, nearestPrompt } from "../embeddings/prompt-embeddings";
import { fitTemplate, type TemplateFit } from "../templates/fit-template";
import { countTemplateCall } from "../templates/template-counts";
import { lockOwnerCaptures } from "../templates/owner-capture-lock";
import { decideIdentity, type IdentityDecision } from "./decide";
import { ensureDetectedEmbeddings, nearestDetected } from "./detected-embeddings";
import { identityTextOf, type IdentityText } from "./identity-text";
import { matchLibrary, type LibraryMatch } from "./match-library";
import { countDetectedCall, createDetected, type DetectedCall } from "./record-detected";
import { thresholdsFor, type Thresholds } from "./thresholds";

export type IdentifyResult = {
  captureId: string;
  decision: IdentityDecision | "skipped" | "missing";
  similarity: number | null;
  matchedPromptId: string | null;
  resultPromptId: string | null;
  embeddingModel: string | null;
  detectedPromptId: string | null;
  matchedVersionId: string | null;
  templateId: string | null;
  variableValues: Record<string, string> | null;
  templateValues: Record<string, string> | null;
  /** The capture had been processed before; nothing changed. */
  alreadyProcessed: boolean;
};

const captureSelect = {
  id: true,
  ownerId: true,
  apiKeyId: true,
  provider: true,
  endpoint: true,
  requestBody: true,
  systemPrompt: true,
  promptText: true,
  captureMode: true,
  status: true,
  model: true,
  costUsd: true,
  createdAt: true,
  processedAt: true,
  decision: true,
  similarity: true,
  matchedPromptId: true,
  resultPromptId: true,
  embeddingModel: true,
  detectedPromptId: true,
  matchedVersionId: true,
  templateId: true,
  variableValues: true,
  templateValues: true,
} satisfies Prisma.CaptureSelect;
type CaptureRow = Prisma.CaptureGetPayload<{ select: typeof captureSelect }>;

/** What is stored on the capture. */
type Outcome = {
  decision: IdentityDecision | "skipped";
  similarity: number | null;
  matchedPromptId: string | null;
  resultPromptId: string | null;
  embeddingModel: string | null;
  detectedPromptId: string | null;
  matchedVersionId: string | null;
  variableValues: Record<string, string> | null;
  templateId: string | null;
  templateValues: Record<string, string> | null;
};

const none: Omit<Outcome, "decision"> = {
  similarity: null,
  matchedPromptId: null,
  resultPromptId: null,
  embeddingModel: null,
  detectedPromptId: null,
  matchedVersionId: null,
  variableValues: null,
  templateId: null,
  templateValues: null,
};

/** A call that failed (no response, or an error status) says nothing about the prompt. */
const failed = (status: number) => status === 0 || status >= 400;

export async function identifyCapture(db: Db, captureId: string, embedder: Embedder, opts: { thresholds?: Thresholds } = {}): Promise<IdentifyResult> {
  const capture = await db.capture.findUnique({ where: { id: captureId }, select: captureSelect });
  if (!capture) return { captureId, decision: "missing", ...none, alreadyProcessed: false };
  if (capture.processedAt) return previous(capture);

  const identity = capture.captureMode === "metadata" || failed(capture.status) ? null : identityTextOf(capture);
  if (!identity) {
    // A failed call of a library version still belongs to that version, so a label split's error
    // rate counts it (labels/split-results.ts): matched by text only, no use recorded, no decision.
    const failedText = capture.captureMode !== "metadata" && failed(capture.status) ? identityTextOf(capture) : null;
    const match = failedText ? await matchLibrary(db, capture.ownerId, failedText.parts) : null;
    const matchedVersionId = match?.versionId ?? null;
    await db.capture.updateMany({ where: { id: captureId, processedAt: null }, data: { decision: "skipped", processedAt: new Date(), matchedVersionId } });
    return { captureId, decision: "skipped", ...none, matchedVersionId, alreadyProcessed: false };
  }
  const thresholds = opts.thresholds ?? thresholdsFor(embedder.model);

  // Network-bound work happens before the transaction, so the owner's lock is held briefly; and only
  // when no earlier decision or cheap match applies.
  const before = await cheapOutcome(db, capture, identity, await fitOf(db, capture));
  let vector: number[] | null = before ? null : await embedIdentity(db, capture.ownerId, embedder, identity);
  for (;;) {
    const result = await db.$transaction(
      async (tx) => {
        await lockOwnerCaptures(tx, capture.ownerId);
        const fresh = await tx.capture.findUniqueOrThrow({ where: { id: captureId }, select: captureSelect });
        if (fresh.processedAt) return previous(fresh);
        const fit = await fitOf(tx, capture);
        const cheap = await cheapOutcome(tx, capture, identity, fit);
        const outcome = cheap ? await cheapToOutcome(tx, capture, cheap) : vector ? await embeddingOutcome(tx, capture, identity, fit, embedder, vector, thresholds) : null;
        if (!outcome) return null;
        await record(tx, capture, identity, outcome);
        return { captureId, ...outcome, alreadyProcessed: false } satisfies IdentifyResult;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    if (result) {
      if (!result.alreadyProcessed) recordCapturedUse(db, capture, result);
      return result;
    }
    // An earlier decision seen before the transaction went away meanwhile: embed after all.
    vector = await embedIdentity(db, capture.ownerId, embedder, identity);
  }
}

/**
 * A capture decided "same" (a render of a library version, a fit to a promoted template, or the same
 * identity) is a captured use of that prompt, by the owner's API key, once its decision commits. It
 * is dated now, when it is known, so that it never lands in an hour the rollup has already done.
 */
function recordCapturedUse(db: Db, capture: CaptureRow, result: IdentifyResult) {
  if (result.decision !== "same" || !result.resultPromptId) return;
  recordUsage(db, {
    kind: "captured_use",
    source: "proxy",
    promptId: result.resultPromptId,
    versionId: result.matchedVersionId,
    ownerId: capture.ownerId,
    actorId: capture.ownerId,
    apiKeyId: capture.apiKeyId,
  });
}

function previous(c: CaptureRow): IdentifyResult {
  return {
    captureId: c.id,
    decision: (c.decision ?? "skipped") as IdentifyResult["decision"],
    similarity: c.similarity,
    matchedPromptId: c.matchedPromptId,
    resultPromptId: c.resultPromptId,
    embeddingModel: c.embeddingModel,
    detectedPromptId: c.detectedPromptId,
    matchedVersionId: c.matchedVersionId,
    templateId: c.templateId,
    variableValues: (c.variableValues ?? null) as Record<string, string> | null,
    templateValues: (c.templateValues ?? null) as Record<string, string> | null,
    alreadyProcessed: true,
  };
}

// Embeddings of identity texts computed lately (or being computed), so identical captures of a
// burst share one embedding call even before the first one's decision is committed.
const RECENT_EMBEDDINGS = 256;
const recent = new Map<string, Promise<number[]>>();

async function embedIdentity(db: Db, ownerId: string, embedder: Embedder, identity: IdentityText): Promise<number[]> {
  await ensurePromptEmbeddings(db, ownerId, embedder);
  await ensureDetectedEmbeddings(db, ownerId, embedder);
  const key = `${embedder.model}\n${identity.hash}`;
  let pending = recent.get(key);
  if (!pending) {
    pending = embedder.embed([identity.text]).then(([v]) => v);
    recent.set(key, pending);
    if (recent.size > RECENT_EMBEDDINGS) recent.delete(recent.keys().next().value as string);
    pending.catch(() => recent.delete(key));
  }
  return pending;
}

type Cheap =
  | { kind: "rendered"; match: LibraryMatch; fit: TemplateFit | null }
  | { kind: "promoted-template"; fit: TemplateFit }
  | { kind: "detected"; detectedPromptId: string; fit: TemplateFit | null }
  | { kind: "same"; promptId: string; similarity: number | null; fit: TemplateFit | null };

/** Outcomes that need no embedding: a render of a library version, a template fit, or an earlier decision on this identity text. */
async function cheapOutcome(db: DbOrTx, capture: CaptureRow, identity: IdentityText, fit: TemplateFit | null): Promise<Cheap | null> {
  const match = await matchLibrary(db, capture.ownerId, identity.parts);
  if (match) return { kind: "rendered", match, fit };
  if (fit?.promotedPromptId) return { kind: "promoted-template", fit };
  if (fit?.detectedPromptId) return { kind: "detected", detectedPromptId: fit.detectedPromptId, fit };

  const detected = await db.detectedPrompt.findUnique({ where: { ownerId_identityHash: { ownerId: capture.ownerId, identityHash: identity.hash } }, select: { id: true } });
  if (detected) return { kind: "detected", detectedPromptId: detected.id, fit };
  // A capture of this identity text decided on its identity (not on a render or a promoted template).
  const earlier = await db.capture.findFirst({
    where: {
      ownerId: capture.ownerId,
      identityHash: identity.hash,
      processedAt: { not: null },
      matchedVersionId: null,
      OR: [{ detectedPromptId: { not: null } }, { decision: "same", resultPromptId: { not: null }, templateId: null }],
    },
    orderBy: { createdAt: "desc" },
    select: { detectedPromptId: true, resultPromptId: true, similarity: true },
  });
  if (earlier?.detectedPromptId) return { kind: "detected", detectedPromptId: earlier.detectedPromptId, fit };
  if (earlier?.resultPromptId) return { kind: "same", promptId: earlier.resultPromptId, similarity: earlier.similarity, fit };
  return null;
}

/** The induced template the capture's prompt text fits (templates are induced from prompt texts). */
const fitOf = (db: DbOrTx, capture: CaptureRow) => (capture.promptText ? fitTemplate(db, capture.ownerId, capture.promptText) : Promise.resolve(null));

const fitFields = (fit: TemplateFit | null) => ({ templateId: fit?.templateId ?? null, templateValues: fit?.values ?? null });

/** Turns a cheap outcome into what is stored, counting the call on the detected prompt it joins. */
async function cheapToOutcome(tx: Tx, capture: CaptureRow, cheap: Cheap): Promise<Outcome> {
  switch (cheap.kind) {
    case "rendered":
      return {
        ...none,
        ...fitFields(cheap.fit),
        decision: "same",
        matchedPromptId: cheap.match.promptId,
        resultPromptId: cheap.match.promptId,
        matchedVersionId: cheap.match.versionId,
        variableValues: cheap.match.values,
      };
    case "promoted-template":
      return { ...none, ...fitFields(cheap.fit), decision: "same", matchedPromptId: cheap.fit.promotedPromptId, resultPromptId: cheap.fit.promotedPromptId };
    case "same":
      return { ...none, ...fitFields(cheap.fit), decision: "same", similarity: cheap.similarity, matchedPromptId: cheap.promptId, resultPromptId: cheap.promptId };
    case "detected":
      return joinDetected(tx, capture, cheap.detectedPromptId, cheap.fit, {});
  }
}

/** The capture joins a detected prompt: a "same" use when it was promoted, otherwise counted on the entry. */
async function joinDetected(
  tx: Tx,
  capture: CaptureRow,
  detectedPromptId: string,
  fit: TemplateFit | null,
  found: { suggestedForkOfPromptId?: string | null; suggestedSimilarity?: number | null; embeddingModel?: string | null },
): Promise<Outcome> {
  const d = await tx.detectedPrompt.findUniqueOrThrow({ where: { id: detectedPromptId }, select: { status: true, promotedPromptId: true } });
  if (d.status === "promoted" && d.promotedPromptId) {
    return { ...none, ...fitFields(fit), decision: "same", matchedPromptId: d.promotedPromptId, resultPromptId: d.promotedPromptId, embeddingModel: found.embeddingModel ?? null };
  }
  await countDetectedCall(tx, detectedPromptId, callOf(capture), { templateId: fit?.templateId, ...found });
  const after = await tx.detectedPrompt.findUniqueOrThrow({ where: { id: detectedPromptId }, select: { suggestedForkOfPromptId: true, suggestedSimilarity: true } });
  return {
    ...none,
    ...fitFields(fit),
    decision: after.suggestedForkOfPromptId ? "variant" : "new",
    similarity: after.suggestedForkOfPromptId ? after.suggestedSimilarity : null,
    matchedPromptId: after.suggestedForkOfPromptId,
    detectedPromptId,
    embeddingModel: found.embeddingModel ?? null,
  };
}

const callOf = (c: CaptureRow): DetectedCall => ({ model: c.model, costUsd: c.costUsd, createdAt: c.createdAt, promptText: c.promptText });

/** The decision by embedding: the nearest library prompt (same / variant), else the nearest detected prompt, else a new entry. */
async function embeddingOutcome(tx: Tx, capture: CaptureRow, identity: IdentityText, fit: TemplateFit | null, embedder: Embedder, vector: number[], thresholds: Thresholds): Promise<Outcome> {
  const nearest = await nearestPrompt(tx, embedder, capture.ownerId, vector);
  const candidateText = nearest ? await latestBody(tx, nearest.promptId) : null;
  const decision = decideIdentity({ text: identity.text, candidateText, similarity: nearest?.similarity ?? null, thresholds });
  if (decision === "same" && nearest) {
    return { ...none, ...fitFields(fit), decision: "same", similarity: nearest.similarity, matchedPromptId: nearest.promptId, resultPromptId: nearest.promptId, embeddingModel: embedder.model };
  }
  const suggested = decision === "variant" && nearest ? { suggestedForkOfPromptId: nearest.promptId, suggestedSimilarity: nearest.similarity } : {};

  const near = await nearestDetected(tx, embedder, capture.ownerId, vector);
  if (near && decideIdentity({ text: identity.text, candidateText: near.identityText, similarity: near.similarity, thresholds }) === "same") {
    return joinDetected(tx, capture, near.detectedPromptId, fit, { ...suggested, embeddingModel: embedder.model });
  }
  const detectedPromptId = await createDetected(tx, {
    ownerId: capture.ownerId,
    identity,
    call: callOf(capture),
    templateId: fit?.templateId ?? null,
    suggestedForkOfPromptId: suggested.suggestedForkOfPromptId ?? null,
    suggestedSimilarity: suggested.suggestedSimilarity ?? null,
    embedding: { embedder, vector },
  });
  return {
    ...none,
    ...fitFields(fit),
    decision: suggested.suggestedForkOfPromptId ? "variant" : "new",
    similarity: nearest?.similarity ?? null,
    matchedPromptId: suggested.suggestedForkOfPromptId ?? null,
    detectedPromptId,
    embeddingModel: embedder.model,
  };
}

async function latestBody(tx: Tx, promptId: string): Promise<string | null> {
  const label = await tx.promptLabel.findUnique({ where: { promptId_name: { promptId, name: "latest" } }, select: { version: { select: { body: true } } } });
  return label?.version.body ?? null;
}

/** Stores the outcome on the capture; a "same" use is counted on the library prompt. */
async function record(tx: Tx, capture: CaptureRow, identity: IdentityText, outcome: Outcome) {
  if (outcome.decision === "same" && outcome.resultPromptId) {
    await tx.$executeRaw`
      UPDATE "Prompt" SET "captureCount" = "captureCount" + 1, "lastCapturedAt" = GREATEST("lastCapturedAt", ${capture.createdAt})
      WHERE id = ${outcome.resultPromptId}`;
  }
  await tx.capture.update({
    where: { id: capture.id },
    data: {
      ...outcome,
      variableValues: outcome.variableValues ?? undefined,
      templateValues: outcome.templateValues ?? undefined,
      identityHash: identity.hash,
      processedAt: new Date(),
    },
  });
  // A capture that fits a template joins it now; its counts would otherwise wait for the next re-cluster.
  if (outcome.templateId && capture.promptText) {
    await countTemplateCall(tx, { templateId: outcome.templateId, ownerId: capture.ownerId, captureId: capture.id, promptText: capture.promptText, createdAt: capture.createdAt });
  }
}
