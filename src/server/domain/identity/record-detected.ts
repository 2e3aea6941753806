// The Detected inbox side of identity: a captured call either opens a DetectedPrompt (its identity
// text, a readable title, the call as its example) or is counted on one (calls, last seen, models,
// cost). Runs inside identifyCapture's transaction, under the owner's lock.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/prisma";
import type { Embedder } from "../embeddings/embedder";
import { capturedPromptTitle } from "./captured-prompt-title";
import { setDetectedEmbedding } from "./detected-embeddings";
import type { IdentityText } from "./identity-text";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

export type DetectedCall = { model: string | null; costUsd: Prisma.Decimal | null; createdAt: Date; promptText: string | null };

export type NewDetected = {
  ownerId: string;
  identity: IdentityText;
  call: DetectedCall;
  templateId: string | null;
  suggestedForkOfPromptId: string | null;
  suggestedSimilarity: number | null;
  embedding: { embedder: Embedder; vector: number[] } | null;
};

/** Opens a Detected inbox entry for a call with a new identity; returns its id. */
export async function createDetected(tx: Tx, input: NewDetected): Promise<string> {
  const { identity, call } = input;
  const created = await tx.detectedPrompt.create({
    data: {
      ownerId: input.ownerId,
      title: capturedPromptTitle(identity.instructions ?? identity.text),
      identityText: identity.text,
      identityHash: identity.hash,
      exampleText: call.promptText ?? identity.text,
      callCount: 1,
      costUsd: call.costUsd ?? 0,
      models: call.model ? [call.model] : [],
      firstSeenAt: call.createdAt,
      lastSeenAt: call.createdAt,
      templateId: input.templateId,
      suggestedForkOfPromptId: input.suggestedForkOfPromptId,
      suggestedSimilarity: input.suggestedSimilarity,
    },
    select: { id: true, title: true },
  });
  if (input.embedding) await setDetectedEmbedding(tx, input.embedding.embedder, created.id, input.embedding.vector);
  await emitWebhookEvent(tx, {
    type: "capture.prompt_detected",
    userId: input.ownerId,
    data: { detectedPromptId: created.id, title: created.title, model: call.model, templateId: input.templateId, suggestedForkOfPromptId: input.suggestedForkOfPromptId, firstSeenAt: call.createdAt },
  });
  return created.id;
}

/**
 * Counts one more call on a detected prompt: the newest call becomes the example; a template or a
 * suggested fork found now is kept unless it already has one.
 */
export async function countDetectedCall(
  tx: Tx,
  detectedPromptId: string,
  call: DetectedCall,
  found: { templateId?: string | null; suggestedForkOfPromptId?: string | null; suggestedSimilarity?: number | null } = {},
) {
  await tx.$executeRaw`
    UPDATE "DetectedPrompt" SET
      "callCount" = "callCount" + 1,
      "costUsd" = "costUsd" + ${call.costUsd?.toString() ?? "0"}::decimal,
      "models" = CASE WHEN ${call.model}::text IS NULL OR ${call.model}::text = ANY("models") THEN "models" ELSE array_append("models", ${call.model}::text) END,
      "exampleText" = CASE WHEN ${call.createdAt} >= "lastSeenAt" AND ${call.promptText}::text IS NOT NULL THEN ${call.promptText}::text ELSE "exampleText" END,
      "firstSeenAt" = LEAST("firstSeenAt", ${call.createdAt}),
      "lastSeenAt" = GREATEST("lastSeenAt", ${call.createdAt}),
      "templateId" = COALESCE("templateId", ${found.templateId ?? null}::text),
      "suggestedSimilarity" = CASE WHEN "suggestedForkOfPromptId" IS NULL THEN ${found.suggestedSimilarity ?? null}::float8 ELSE "suggestedSimilarity" END,
      "suggestedForkOfPromptId" = COALESCE("suggestedForkOfPromptId", ${found.suggestedForkOfPromptId ?? null}::text),
      "updatedAt" = now()
    WHERE id = ${detectedPromptId}`;
}
