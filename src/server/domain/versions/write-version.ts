import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { mergeVariableMetadata, type PromptVariable } from "@/shared/prompts/variables";

export type VersionContent = {
  body: string;
  changelog?: string;
  variables?: PromptVariable[];
  modelSettings?: Record<string, unknown>;
  createdAt?: Date;
};

/**
 * Appends the next numbered version and moves `latest` to it. Must run inside a transaction:
 * the prompt row is locked so concurrent saves get consecutive numbers.
 */
export async function writeVersion(tx: Tx, actor: Actor, promptId: string, content: VersionContent) {
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
      ...(content.createdAt ? { createdAt: content.createdAt } : {}),
    },
  });
  await tx.promptLabel.upsert({
    where: { promptId_name: { promptId, name: "latest" } },
    create: { promptId, name: "latest", versionId: version.id },
    update: { versionId: version.id },
  });
  await tx.prompt.update({ where: { id: promptId }, data: { updatedAt: new Date() } });
  return version;
}
