// Deprecating an approved version: it stays readable, marked, with an optional pointer to the
// approved version of the same prompt that replaces it and a note. Labels are not moved.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadableVersion } from "../access/prompt-access";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ValidationError } from "../errors";

export async function deprecateVersion(db: Db, actor: Actor, input: { versionId: string; replacedByVersionId?: string; note?: string; request?: RequestMeta | null }) {
  const version = await findReadableVersion(db, actor, input.versionId);
  const { prompt } = version;
  await assertPromptAction(db, actor, prompt, "version.deprecate", { request: input.request, target: { type: "version", id: version.id } });
  if (version.status !== "approved") throw new ConflictError(`v${version.number} is ${version.status.replace("_", " ")}: only approved versions are deprecated (reject a proposal instead).`);
  if (version.deprecatedAt) throw new ConflictError(`v${version.number} is deprecated already.`);
  let replacement: { id: string; number: number } | null = null;
  if (input.replacedByVersionId) {
    const field = (message: string) => new ValidationError(`replacedByVersionId: ${message}`, { replacedByVersionId: [message] });
    if (input.replacedByVersionId === version.id) throw field("a version cannot replace itself");
    const r = await db.promptVersion.findUnique({ where: { id: input.replacedByVersionId }, select: { id: true, number: true, promptId: true, status: true, deprecatedAt: true } });
    if (!r || r.promptId !== prompt.id) throw field("must be a version of the same prompt");
    if (r.status !== "approved") throw field(`v${r.number} is not approved`);
    if (r.deprecatedAt) throw field(`v${r.number} is deprecated itself`);
    replacement = { id: r.id, number: r.number };
  }
  const deprecatedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.promptVersion.update({ where: { id: version.id }, data: { deprecatedAt, deprecationNote: input.note ?? "", replacedById: replacement?.id ?? null } });
    await recordAudit(tx, {
      actor,
      action: "version.deprecate",
      orgId: prompt.orgId,
      target: { type: "version", id: version.id },
      from: `v${version.number} approved`,
      to: replacement ? `v${version.number} deprecated, replaced by v${replacement.number}` : `v${version.number} deprecated`,
      comment: input.note ?? null,
      request: input.request,
      details: { promptId: prompt.id, number: version.number, replacedByVersionId: replacement?.id ?? null },
    });
  });
  return { versionId: version.id, number: version.number, deprecatedAt, replacedBy: replacement };
}
