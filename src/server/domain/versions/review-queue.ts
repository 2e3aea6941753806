// What waits for the viewer's review: proposals (in review) on the prompts of every organisation
// where their role may review, that they did not write and have not reviewed yet. Oldest first.
// With an orgId, that organisation only, and the role is checked (refused for others).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { ORG_ACTIONS } from "@/shared/governance/role-matrix";
import type { Actor } from "../actor";
import { assertOrgAction } from "../governance/org-authorization";
import type { RequestMeta } from "../audit/record-audit";
import { approvalsNeeded } from "./propose-version";

const REVIEW_ROLES = [...ORG_ACTIONS["review.queue"]];

function waitingWhere(actor: Actor, orgId?: string) {
  return {
    status: "in_review" as const,
    authorId: { not: actor.id },
    reviews: { none: { reviewerId: actor.id } },
    prompt: { archivedAt: null, org: { id: orgId, members: { some: { userId: actor.id, role: { in: REVIEW_ROLES } } } } },
  };
}

export async function reviewQueue(db: DbOrTx, actor: Actor, input: { orgId?: string; request?: RequestMeta | null } = {}) {
  if (input.orgId) await assertOrgAction(db, actor, input.orgId, "review.queue", { request: input.request });
  const rows = await db.promptVersion.findMany({
    where: waitingWhere(actor, input.orgId),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      number: true,
      changelog: true,
      createdAt: true,
      author: { select: { handle: true, name: true, image: true } },
      prompt: { select: { id: true, slug: true, title: true, global: true, org: { select: { slug: true, name: true } } } },
      reviews: { where: { decision: "approve" }, select: { reviewer: { select: { handle: true } } } },
    },
  });
  return {
    items: rows.map(({ reviews, prompt, ...v }) => ({
      ...v,
      prompt: { id: prompt.id, slug: prompt.slug, title: prompt.title, global: prompt.global },
      org: prompt.org!,
      approvals: reviews.map((r) => r.reviewer.handle),
      approvalsNeeded: approvalsNeeded(prompt),
    })),
  };
}

/**
 * The header's link: whether the viewer reviews anywhere (an owner or admin of some organisation),
 * and how many proposals wait for them.
 */
export async function reviewQueueCount(db: DbOrTx, actor: Actor) {
  const reviewer = await db.membership.findFirst({ where: { userId: actor.id, role: { in: REVIEW_ROLES } }, select: { orgId: true } });
  if (!reviewer) return { reviewer: false, count: 0 };
  return { reviewer: true, count: await db.promptVersion.count({ where: waitingWhere(actor) }) };
}
