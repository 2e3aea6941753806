// Moving one's own prompt into an organisation where one may create prompts. From then on the
// organisation's roles decide who may change it; its versions so far stay approved, and its
// visibility is kept (a private prompt becomes readable by the organisation's contributors and up).
// A prompt on the Market or with licence holders stays personal: sales and licences are its owner's.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError } from "../errors";
import { assertOrgAction } from "../governance/org-authorization";
import { findReadablePrompt } from "../access/prompt-access";
import { auditRefusals } from "./audited-refusal";
import type { TransferPromptInput } from "./schemas";

export async function transferPrompt(db: Db, actor: Actor, input: TransferPromptInput, request?: RequestMeta | null) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  const entry = { actor, action: "prompt.transfer" as const, orgId: input.orgId, target: { type: "prompt", id: prompt.id }, from: `@${actor.handle}`, request };
  return auditRefusals(db, entry, async () => {
    if (prompt.orgId) throw new ConflictError("This prompt already belongs to an organisation.");
    if (prompt.ownerId !== actor.id) throw new ForbiddenError("Only the prompt's owner can transfer it.");
    await assertOrgAction(db, actor, input.orgId, "prompt.create", { request, target: { type: "prompt", id: prompt.id } });
    const [listing, licenses] = await Promise.all([
      db.listing.findUnique({ where: { promptId: prompt.id }, select: { status: true } }),
      db.license.count({ where: { promptId: prompt.id, status: "active" } }),
    ]);
    if (listing || licenses) throw new ConflictError("A prompt with a Market listing or licence holders cannot move into an organisation: its sales and licences are yours.");
    return db.$transaction(async (tx) => {
      const { count } = await tx.prompt.updateMany({ where: { id: prompt.id, orgId: null }, data: { orgId: input.orgId } });
      if (!count) throw new ConflictError("This prompt already belongs to an organisation.");
      const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { id: true, slug: true, name: true } });
      await recordAudit(tx, { ...entry, to: org.slug });
      return { id: prompt.id, slug: prompt.slug, org };
    });
  });
}
