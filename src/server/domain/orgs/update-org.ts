// An organisation's name and description (its slug stays: links keep working). Admins only.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { assertOrgAction } from "../governance/org-authorization";
import type { UpdateOrgInput } from "./schemas";

export async function updateOrg(db: Db, actor: Actor, input: UpdateOrgInput, request?: RequestMeta | null) {
  await assertOrgAction(db, actor, input.orgId, "org.update", { request });
  const { orgId, ...changes } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, description: true } });
    const org = await tx.organization.update({ where: { id: orgId }, data: changes, select: { id: true, slug: true, name: true, description: true } });
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== undefined && changes[k] !== before[k]);
    if (changed.length) {
      await recordAudit(tx, {
        actor,
        action: "org.update",
        orgId,
        target: { type: "organization", id: orgId },
        from: JSON.stringify(Object.fromEntries(changed.map((k) => [k, before[k]]))),
        to: JSON.stringify(Object.fromEntries(changed.map((k) => [k, org[k]]))),
        request,
      });
    }
    return org;
  });
}
