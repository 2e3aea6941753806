// A Detected inbox entry becomes a private library prompt: version 1 is its template's shell (with
// {{variables}}) when induction found one, else the instructions its calls shared. Its captures
// become uses of the new prompt, so the calls made before promotion count as its usage.
import "server-only";
import { joinTransaction } from "@/server/db/join-transaction";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { requestPromptEmbedding } from "../embeddings/request-embedding";
import { createPrompt } from "../prompts/create-prompt";
import type { PromoteDetectedInput } from "./detected-schemas";
import { assertNotPromoted, handCapturesTo, lockDetected, promotionBody } from "./detected-promotion";

export async function promoteDetected(db: Db, actor: Actor, input: PromoteDetectedInput) {
  const promoted = await db.$transaction(
    async (tx) => {
      const detected = await lockDetected(tx, actor, input.detectedPromptId);
      assertNotPromoted(detected);
      const body = promotionBody(detected);
      const calls = `${detected.callCount} captured ${detected.callCount === 1 ? "call" : "calls"}`;
      const created = await createPrompt(joinTransaction(tx), actor, {
        title: input.title,
        description: `Promoted from the Detected inbox (${calls}).`,
        category: input.category,
        tags: [],
        visibility: "private",
        body,
        changelog: detected.template ? "Promoted from a template of captured calls" : "Promoted from captured calls",
      });
      const { capturesLinked } = await handCapturesTo(tx, actor, detected, created);
      return { promptId: created.id, slug: created.slug, versionId: created.version.id, capturesLinked };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  // createPrompt asked for it inside the transaction, where the job may have looked too early.
  await requestPromptEmbedding(promoted.promptId);
  return promoted;
}
