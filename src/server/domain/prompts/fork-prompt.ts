import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ForbiddenError } from "../errors";
import { bodyAccessOf, derivesFromGatedContent, PAID_FORK_PRIVATE_REASON } from "../access/paid-access";
import type { PromptVariable } from "@/shared/prompts/variables";
import { findReadableVersion } from "../access/prompt-access";
import { createPrompt } from "./create-prompt";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import type { Category } from "@/shared/prompts/categories";
import { defaultForkTitle } from "@/shared/prompts/fork-title";
import type { Visibility } from "@/shared/prompts/visibility";

export const LOCKED_FORK_REASON = "This prompt is for sale: buy a license to fork it.";
/** The first changelog of a fork whose source is not public (private or unlisted). */
export const FORKED_FROM_HIDDEN_CHANGELOG = "Forked from a private prompt";
export const PAID_FORK_NOTICE = "Forks of a paid prompt are private: your license covers your own use.";

/**
 * Copies a version into a new prompt owned by the forker, remembering where it came from. Paid
 * content is forked only by those who may read that version's body; a licensee's fork is private.
 * Every fork (private ones too) is a usage event of its source.
 */
export async function forkPrompt(db: Db, actor: Actor, input: { versionId: string; title?: string; visibility?: Visibility }, usage?: UsageOrigin) {
  const source = await findReadableVersion(db, actor, input.versionId);
  const access = await bodyAccessOf(db, actor, source.prompt);
  if (!access.canRead(source.number)) throw new ForbiddenError(LOCKED_FORK_REASON);
  // Paid content (or a copy of it, further up the lineage) is forked privately, whatever was asked.
  const copyOfPaid = access.gated || (await derivesFromGatedContent(db, actor, source.id));
  if (copyOfPaid && input.visibility && input.visibility !== "private") throw new ForbiddenError(PAID_FORK_PRIVATE_REASON);
  // A fork is private unless the forker asks otherwise: no instant public duplicates.
  const visibility = copyOfPaid ? "private" : (input.visibility ?? "private");
  const created = await createPrompt(
    db,
    actor,
    {
      title: input.title ?? defaultForkTitle(source.prompt.title),
      description: source.prompt.description,
      category: source.prompt.category as Category,
      tags: source.prompt.tags,
      visibility,
      body: source.body,
      // Versions are immutable and the fork may be public: it names its source only if that is public.
      changelog: source.prompt.visibility === "public" ? `Forked from ${source.prompt.slug} v${source.number}` : FORKED_FROM_HIDDEN_CHANGELOG,
      variables: source.variables as PromptVariable[],
      modelSettings: source.modelSettings as Record<string, unknown>,
    },
    { forkedFromVersionId: source.id },
  );
  recordUsage(db, { kind: "fork", promptId: source.promptId, versionId: source.id, ownerId: source.prompt.ownerId, ...originFields(usage, actor.id) });
  return {
    ...created,
    visibility,
    /** Set when the fork was made private because its source is paid content. */
    notice: copyOfPaid ? PAID_FORK_NOTICE : null,
    forkedFrom: { promptId: source.promptId, versionId: source.id, number: source.number },
  };
}
