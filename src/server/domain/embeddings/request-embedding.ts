// Asks the embed job to embed a prompt's latest body. Called after the transaction that wrote the
// body commits (the job must find it); a failed send never fails the user's save: the identity
// safety net (ensurePromptEmbeddings) and `reembed` embed whatever was missed.
import "server-only";
import { sendEvent } from "@/server/jobs/send-event";

export async function requestPromptEmbedding(promptId: string): Promise<void> {
  await sendEvent("prompt/embed.requested", { promptId }).catch((error: unknown) => console.error("[embeddings] embed event not sent:", error));
}
