import "server-only";
import type { Tx } from "@/server/db/prisma";

/**
 * Keeps the parent's public fork count exact: +1 when a public fork appears (or a fork becomes
 * public), −1 when it stops being public. (The fork itself is a usage event: fork-prompt.ts.)
 */
export async function countFork(tx: Tx, forkedFromVersionId: string, delta: -1 | 0 | 1) {
  if (delta === 0) return;
  const source = await tx.promptVersion.findUnique({ where: { id: forkedFromVersionId }, select: { promptId: true } });
  if (!source) return;
  await tx.$executeRaw`UPDATE "Prompt" SET "forkCount" = GREATEST("forkCount" + ${delta}::int, 0) WHERE id = ${source.promptId}`;
}
