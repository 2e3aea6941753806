import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import type { RequestMeta } from "../audit/record-audit";
import { moveLabel } from "./move-label";
import { mergeVariableMetadata, type PromptVariable } from "@/shared/prompts/variables";

export type VersionContent = {
  body: string;
  changelog?: string;
  variables?: PromptVariable[];
  modelSettings?: Record<string, unknown>;
  createdAt?: Date;
};

/** approved: published at once (moves `latest`); in_review: a proposal that waits for approval. */
export type WrittenStatus = "approved" | "in_review";

/**
 * Appends the next numbered version and, when it is approved, moves `latest` to it (`latest` only
 * ever names an approved version: cards, search, embeddings and checkout read it). Must run inside
 * a transaction: the prompt row is locked so concurrent saves get consecutive numbers.
 */
export async function writeVersion(
  tx: Tx,
  actor: Actor,
  promptId: string,
  content: VersionContent,
  status: WrittenStatus = "approved",
  /** For an organisation's prompt: the move of `latest` is audited with this request. */
  audit: { orgId: string | null; request?: RequestMeta | null } = { orgId: null },
) {
  await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${promptId} FOR UPDATE`;
  const last = await tx.promptVersion.findFirst({ where: { promptId }, orderBy: { number: "desc" }, select: { number: true } });
  const version = await tx.promptVersion.create({
    data: {
      promptId,
      number: (last?.number ?? 0) + 1,
      body: content.body,
      changelog: content.changelog ?? "",
      variables: mergeVariableMetadata(content.body, content.variables) as Prisma.InputJsonValue,
      modelSettings: (content.modelSettings ?? {}) as Prisma.InputJsonValue,
      authorId: actor.id,
      status,
      decidedAt: status === "approved" ? (content.createdAt ?? new Date()) : null,
      ...(content.createdAt ? { createdAt: content.createdAt } : {}),
    },
  });
  if (status !== "approved") return version;
  await moveLabel(tx, actor, { prompt: { id: promptId, orgId: audit.orgId }, name: "latest", version, request: audit.request });
  await tx.prompt.update({ where: { id: promptId }, data: { updatedAt: new Date() } });
  return version;
}
