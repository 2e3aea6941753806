// Points a label (production, latest) at an approved version, with its audit entry (label.move,
// from → to version number) when the prompt belongs to an organisation. Inside the caller's
// transaction, so the move and its entry land together.
import "server-only";
import type { Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";

export type LabelMove = {
  prompt: { id: string; orgId: string | null };
  name: string;
  version: { id: string; number: number };
  request?: RequestMeta | null;
};

/** Returns the number the label pointed at before (null when it is new). */
export async function moveLabel(tx: Tx, actor: Actor, move: LabelMove): Promise<number | null> {
  const { prompt, name, version } = move;
  const before = await tx.promptLabel.findUnique({ where: { promptId_name: { promptId: prompt.id, name } }, select: { version: { select: { id: true, number: true } } } });
  if (before?.version.id === version.id) return before.version.number;
  await tx.promptLabel.upsert({
    where: { promptId_name: { promptId: prompt.id, name } },
    create: { promptId: prompt.id, name, versionId: version.id },
    update: { versionId: version.id },
  });
  if (prompt.orgId) {
    await recordAudit(tx, {
      actor,
      action: "label.move",
      orgId: prompt.orgId,
      target: { type: "prompt", id: prompt.id },
      from: before ? `${name}: v${before.version.number}` : null,
      to: `${name}: v${version.number}`,
      request: move.request,
      details: { label: name, fromVersionId: before?.version.id ?? null, toVersionId: version.id },
    });
  }
  return before?.version.number ?? null;
}
