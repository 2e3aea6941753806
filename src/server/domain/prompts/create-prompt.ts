import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import type { RequestMeta } from "../audit/record-audit";
import { ValidationError } from "../errors";
import { assertOrgAction } from "../governance/org-authorization";
import { writeVersion } from "../versions/write-version";
import type { CreatePromptInput } from "./schemas";
import { uniqueSlug } from "./unique-slug";
import { countFork } from "./fork-count";
import { notifyFork } from "../notifications/event-notifications";
import { requestPromptEmbedding } from "../embeddings/request-embedding";

export type CreatedPrompt = { id: string; slug: string; version: { id: string; number: number } };

/** "members" and "global" only make sense for an organisation's prompt: refused on a personal one, naming the field. */
export function assertOrgOnlySettings(input: { visibility?: string; global?: boolean }, orgId: string | null | undefined) {
  if (orgId) return;
  if (input.visibility === "members") throw new ValidationError('visibility: "members" is only for organisation prompts (give orgId)', { visibility: ['"members" is only for organisation prompts'] });
  if (input.global) throw new ValidationError("global: only organisation prompts can be global", { global: ["only organisation prompts can be global"] });
}

/**
 * A new prompt with its first version, labelled `latest`; embedded by the embed job once committed.
 * With `orgId`, the organisation owns it: the creator needs prompt.create there, and the first
 * version of a global prompt waits for its two approvals like every later one.
 */
export async function createPrompt(
  db: Db,
  actor: Actor,
  input: CreatePromptInput,
  opts: { forkedFromVersionId?: string; createdAt?: Date; request?: RequestMeta | null } = {},
): Promise<CreatedPrompt> {
  assertOrgOnlySettings(input, input.orgId);
  if (input.orgId) await assertOrgAction(db, actor, input.orgId, "prompt.create", { request: opts.request, target: { type: "prompt" } });
  const orgId = input.orgId ?? null;
  const created = await db.$transaction(async (tx) => {
    const prompt = await tx.prompt.create({
      data: {
        slug: await uniqueSlug(tx, input.title, input.visibility),
        title: input.title,
        description: input.description,
        category: input.category,
        tags: input.tags,
        visibility: input.visibility,
        ownerId: actor.id,
        orgId,
        global: orgId !== null && input.global === true,
        forkedFromVersionId: opts.forkedFromVersionId,
      },
    });
    const version = await writeVersion(
      tx,
      actor,
      prompt.id,
      {
        body: input.body,
        changelog: input.changelog ?? (opts.forkedFromVersionId ? "Forked" : "First version"),
        variables: input.variables,
        modelSettings: input.modelSettings,
        createdAt: opts.createdAt,
      },
      prompt.global ? "in_review" : "approved",
      { orgId, request: opts.request },
    );
    if (opts.forkedFromVersionId) {
      await countFork(tx, opts.forkedFromVersionId, input.visibility === "public" ? 1 : 0);
      await notifyFork(tx, { actorId: actor.id, sourceVersionId: opts.forkedFromVersionId, forkId: prompt.id });
    }
    return { id: prompt.id, slug: prompt.slug, version: { id: version.id, number: version.number } };
  });
  await requestPromptEmbedding(created.id);
  return created;
}
