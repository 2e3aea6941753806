import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ConflictError } from "../errors";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { assertOrgOnlySettings } from "./create-prompt";
import type { UpdatePromptInput } from "./schemas";
import { countFork } from "./fork-count";
import { activePaidListingWhere, assertMayPublishFork } from "../access/paid-access";

/** What the edit form and the API say when a prompt on sale would become private. */
export const PRIVATE_WHILE_ON_SALE_REASON =
  "visibility: cannot be private while the prompt is on sale (an active paid listing): its licensees would lose access. Keep it public or unlisted, or pause the listing first.";
export const PRIVATE_WITH_LICENSEES_REASON =
  "visibility: cannot be private while people hold licenses for it: they would lose access to what they bought. Keep it public or unlisted; archive it to take it out of lists.";

/** A prompt with an active paid listing, or active licenses, cannot become private: licensees would lose access. */
async function assertMayGoPrivate(db: DbOrTx, promptId: string) {
  const [onSale, licensees] = await Promise.all([
    db.listing.count({ where: { promptId, ...activePaidListingWhere } }),
    db.license.count({ where: { promptId, status: "active" } }),
  ]);
  if (onSale) throw new ConflictError(PRIVATE_WHILE_ON_SALE_REASON, { visibility: ["cannot be private while the prompt is on sale"] });
  if (licensees) throw new ConflictError(PRIVATE_WITH_LICENSEES_REASON, { visibility: ["cannot be private while people hold licenses for it"] });
}

const HIDDEN = ["private", "members"];

/**
 * Metadata only; content changes are new versions. The slug stays stable so links keep working.
 * A fork of paid content cannot be made public or unlisted by someone who may not share it. An
 * organisation's prompt needs prompt.update there, and a change of its visibility or global flag
 * is audited (prompt.settings).
 */
export async function updatePrompt(db: Db, actor: Actor, input: UpdatePromptInput, request?: RequestMeta | null) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  await assertPromptAction(db, actor, prompt, "prompt.update", { request });
  assertOrgOnlySettings(input, prompt.orgId);
  if (input.visibility) await assertMayPublishFork(db, actor, prompt.forkedFromVersionId, input.visibility);
  const goingPrivate = input.visibility !== undefined && HIDDEN.includes(input.visibility) && !HIDDEN.includes(prompt.visibility);
  const { promptId, ...changes } = input;
  const updated = await db.$transaction(async (tx) => {
    if (goingPrivate) {
      // Locked so a license claimed at the same moment (grantLicense locks the row too) is either
      // counted here or refused there: a prompt never goes private under a licensee.
      await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${promptId} FOR UPDATE`;
      await assertMayGoPrivate(tx, promptId);
      // Nobody can claim from a private prompt: a free listing on sale is paused, not left "on sale".
      await tx.listing.updateMany({ where: { promptId, status: "active" }, data: { status: "paused" } });
    }
    const row = await tx.prompt.update({ where: { id: promptId }, data: changes });
    const settings = (["visibility", "global"] as const).filter((k) => changes[k] !== undefined && changes[k] !== prompt[k]);
    if (prompt.orgId && settings.length) {
      await recordAudit(tx, {
        actor,
        action: "prompt.settings",
        orgId: prompt.orgId,
        target: { type: "prompt", id: promptId },
        from: settings.map((k) => `${k}: ${prompt[k]}`).join(", "),
        to: settings.map((k) => `${k}: ${row[k]}`).join(", "),
        request,
      });
    }
    // A fork going public (or private) changes its parent's public fork count.
    if (prompt.forkedFromVersionId && changes.visibility && (changes.visibility === "public") !== (prompt.visibility === "public")) {
      await countFork(tx, prompt.forkedFromVersionId, changes.visibility === "public" ? 1 : -1);
    }
    return row;
  });
  return { id: updated.id, slug: updated.slug, title: updated.title, description: updated.description, category: updated.category, tags: updated.tags, visibility: updated.visibility, global: updated.global };
}
