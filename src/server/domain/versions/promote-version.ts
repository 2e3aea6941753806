import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertPromptAction, findReadableVersion } from "../access/prompt-access";
import type { RequestMeta } from "../audit/record-audit";
import { ConflictError } from "../errors";
import { moveLabel } from "./move-label";

/**
 * Points the `production` label at a version: the owner of a personal prompt, or an organisation
 * role that may move labels (audited, from → to). Labels only ever name approved versions, and a
 * deprecated one is not promoted again (its replacement is).
 */
export async function promoteVersion(db: Db, actor: Actor, input: { versionId: string; label: "production"; request?: RequestMeta | null }) {
  const version = await findReadableVersion(db, actor, input.versionId);
  await assertPromptAction(db, actor, version.prompt, "label.move", { request: input.request, target: { type: "version", id: version.id } });
  if (version.status !== "approved") throw new ConflictError(`v${version.number} is ${version.status.replace("_", " ")}: only approved versions get labels.`);
  if (version.deprecatedAt) throw new ConflictError(`v${version.number} is deprecated: promote its replacement instead.`);
  await db.$transaction((tx) => moveLabel(tx, actor, { prompt: version.prompt, name: input.label, version, request: input.request }));
  return { promptId: version.promptId, label: input.label, versionId: version.id, number: version.number };
}
