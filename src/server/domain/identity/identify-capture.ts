// Prompt identity for one captured call: embed its prompt text, find the owner's nearest prompt
// (pgvector, cosine) and decide: same prompt (usage recorded), a variant (a private fork of the
// nearest's latest version) or a new private prompt. Idempotent; serialised per owner so two
// captures of one new prompt processed at once create it once.
import "server-only";
import { joinTransaction } from "@/server/db/join-transaction";
import type { Db, Tx } from "@/server/db/prisma";
import { createPrompt } from "../prompts/create-prompt";
import { MAX_BODY_LENGTH } from "@/shared/prompts/prompt-fields";
import { capturedPromptTitle } from "./captured-prompt-title";
import { decide, type IdentityDecision } from "./decide";
import type { Embedder } from "../embeddings/embedder";
import { ensurePromptEmbeddings, nearestPrompt, upsertPromptEmbedding } from "../embeddings/prompt-embeddings";
import { thresholdsFor, type Thresholds } from "./thresholds";

export const CAPTURED_PROMPT_CATEGORY = "agents";
export const CAPTURED_PROMPT_TAG = "captured";

export type IdentifyResult = {
  captureId: string;
  decision: IdentityDecision | "skipped" | "missing";
  similarity: number | null;
  matchedPromptId: string | null;
  resultPromptId: string | null;
  embeddingModel: string | null;
  /** The capture had been processed before; nothing changed. */
  alreadyProcessed: boolean;
};

type CaptureRow = { id: string; ownerId: string; promptText: string | null; captureMode: string; provider: string; model: string | null; createdAt: Date };

/** The text identity works on, or null when there is none (metadata-only capture, empty prompt). */
export function promptTextOf(capture: Pick<CaptureRow, "promptText" | "captureMode">): string | null {
  if (capture.captureMode === "metadata") return null;
  const text = capture.promptText?.trim();
  return text ? text.slice(0, MAX_BODY_LENGTH) : null;
}

export async function identifyCapture(db: Db, captureId: string, embedder: Embedder, opts: { thresholds?: Thresholds } = {}): Promise<IdentifyResult> {
  const capture = await db.capture.findUnique({
    where: { id: captureId },
    select: { id: true, ownerId: true, promptText: true, captureMode: true, provider: true, model: true, createdAt: true, processedAt: true, decision: true, similarity: true, matchedPromptId: true, resultPromptId: true, embeddingModel: true },
  });
  if (!capture) return { captureId, decision: "missing", similarity: null, matchedPromptId: null, resultPromptId: null, embeddingModel: null, alreadyProcessed: false };
  if (capture.processedAt) return previous(capture);

  const text = promptTextOf(capture);
  if (!text) {
    await db.capture.updateMany({ where: { id: captureId, processedAt: null }, data: { decision: "skipped", processedAt: new Date() } });
    return { captureId, decision: "skipped", similarity: null, matchedPromptId: null, resultPromptId: null, embeddingModel: null, alreadyProcessed: false };
  }

  // Network-bound work happens before the transaction, so the owner's lock is held briefly.
  await ensurePromptEmbeddings(db, capture.ownerId, embedder);
  const [vector] = await embedder.embed([text]);
  const thresholds = opts.thresholds ?? thresholdsFor(embedder.model);

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('prompt-identity'), hashtext(${capture.ownerId}))`;
      const fresh = await tx.capture.findUniqueOrThrow({ where: { id: captureId }, select: { processedAt: true, decision: true, similarity: true, matchedPromptId: true, resultPromptId: true, embeddingModel: true } });
      if (fresh.processedAt) return previous({ id: captureId, ...fresh });

      const nearest = await nearestPrompt(tx, embedder, capture.ownerId, vector);
      const decision = decide(nearest?.similarity ?? null, thresholds);
      let resultPromptId: string;
      if (decision === "same" && nearest) {
        await tx.$executeRaw`
          UPDATE "Prompt" SET "captureCount" = "captureCount" + 1, "lastCapturedAt" = GREATEST("lastCapturedAt", ${capture.createdAt})
          WHERE id = ${nearest.promptId}`;
        resultPromptId = nearest.promptId;
      } else {
        const forkedFromVersionId = decision === "variant" && nearest ? await latestVersionId(tx, nearest.promptId) : undefined;
        resultPromptId = await createCapturedPrompt(tx, capture, text, forkedFromVersionId);
        await upsertPromptEmbedding(tx, embedder, { promptId: resultPromptId, ownerId: capture.ownerId, text, vector });
        await tx.$executeRaw`UPDATE "Prompt" SET "captureCount" = 1, "lastCapturedAt" = ${capture.createdAt} WHERE id = ${resultPromptId}`;
      }
      const result = {
        decision,
        similarity: nearest?.similarity ?? null,
        matchedPromptId: decision === "new" ? null : (nearest?.promptId ?? null),
        resultPromptId,
        embeddingModel: embedder.model,
      };
      await tx.capture.update({ where: { id: captureId }, data: { ...result, processedAt: new Date() } });
      return { captureId, ...result, alreadyProcessed: false };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

function previous(c: { id: string; decision: string | null; similarity: number | null; matchedPromptId: string | null; resultPromptId: string | null; embeddingModel: string | null }): IdentifyResult {
  return {
    captureId: c.id,
    decision: (c.decision ?? "skipped") as IdentifyResult["decision"],
    similarity: c.similarity,
    matchedPromptId: c.matchedPromptId,
    resultPromptId: c.resultPromptId,
    embeddingModel: c.embeddingModel,
    alreadyProcessed: true,
  };
}

async function latestVersionId(tx: Tx, promptId: string): Promise<string | undefined> {
  const label = await tx.promptLabel.findUnique({ where: { promptId_name: { promptId, name: "latest" } }, select: { versionId: true } });
  if (label) return label.versionId;
  const last = await tx.promptVersion.findFirst({ where: { promptId }, orderBy: { number: "desc" }, select: { id: true } });
  return last?.id;
}

async function createCapturedPrompt(tx: Tx, capture: CaptureRow, text: string, forkedFromVersionId: string | undefined): Promise<string> {
  const owner = await tx.user.findUniqueOrThrow({ where: { id: capture.ownerId }, select: { id: true, handle: true, role: true } });
  const source = [capture.provider, capture.model].filter(Boolean).join(" ");
  const created = await createPrompt(
    joinTransaction(tx),
    owner,
    {
      title: capturedPromptTitle(text),
      description: `Captured by the proxy from ${source || "an LLM call"}${forkedFromVersionId ? " (a variant of an existing prompt)" : ""}.`,
      category: CAPTURED_PROMPT_CATEGORY,
      tags: [CAPTURED_PROMPT_TAG],
      visibility: "private",
      body: text,
      changelog: forkedFromVersionId ? "Captured variant" : "Captured",
    },
    { forkedFromVersionId },
  );
  return created.id;
}
