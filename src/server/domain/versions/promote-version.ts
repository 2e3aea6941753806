import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { assertCanWritePrompt, findReadableVersion } from "../access/prompt-access";

/** Points the `production` label at a version; only the owner moves it. */
export async function promoteVersion(db: Db, actor: Actor, input: { versionId: string; label: "production" }) {
  const version = await findReadableVersion(db, actor, input.versionId);
  assertCanWritePrompt(version.prompt, actor);
  await db.promptLabel.upsert({
    where: { promptId_name: { promptId: version.promptId, name: input.label } },
    create: { promptId: version.promptId, name: input.label, versionId: version.id },
    update: { versionId: version.id },
  });
  return { promptId: version.promptId, label: input.label, versionId: version.id, number: version.number };
}
