// Reading and marking one's own notifications. What a notification may say is decided here, when it
// is read, not when it was made: a prompt that has since become private (or was deleted) is not
// named, a deleted account is "Someone", and a fork is named and linked only while it is public.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { formatMoney } from "@/shared/money/format-money";
import { notificationText, type NotificationKindName } from "@/shared/notifications/notification-kinds";
import type { MarkReadInput } from "./schemas";
import type { Actor } from "../actor";
import { canReadPrompt } from "../access/prompt-access";
import { page, pageResult } from "../pagination";

const promptFields = { id: true, slug: true, title: true, visibility: true, ownerId: true, orgId: true } as const;

type Data = { stars?: unknown; amountCents?: unknown; currency?: unknown; full?: unknown; forkId?: unknown; orgName?: unknown; role?: unknown };

export async function listNotifications(db: DbOrTx, actor: Actor, input: { cursor?: string | null; limit: number; unreadOnly?: boolean }) {
  const rows = await db.notification.findMany({
    where: { userId: actor.id, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      data: true,
      readAt: true,
      createdAt: true,
      commentId: true,
      actor: { select: { handle: true, name: true, deletedAt: true } },
      prompt: { select: promptFields },
    },
    ...page(input),
  });
  const { items, nextCursor } = pageResult(rows, input);
  const forkIds = items.flatMap((n) => (n.kind === "prompt_fork" && typeof (n.data as Data).forkId === "string" ? [(n.data as Data).forkId as string] : []));
  const forks = new Map(
    (forkIds.length ? await db.prompt.findMany({ where: { id: { in: forkIds } }, select: promptFields }) : []).map((p) => [p.id, p]),
  );
  return {
    items: items.map((n) => {
      const data = (n.data ?? {}) as Data;
      const prompt = n.prompt && canReadPrompt(n.prompt, actor) ? { slug: n.prompt.slug, title: n.prompt.title } : null;
      let person = n.actor && !n.actor.deletedAt ? { handle: n.actor.handle, name: n.actor.name } : null;
      let link: string | null = null;
      const kind = n.kind as NotificationKindName;
      switch (kind) {
        case "comment_reply":
        case "prompt_comment":
          link = prompt ? `/p/${prompt.slug}#comments` : null;
          break;
        case "prompt_rating":
          link = prompt ? `/p/${prompt.slug}#ratings` : null;
          break;
        case "new_follower":
          link = person ? `/u/${person.handle}` : null;
          break;
        case "prompt_fork": {
          // A fork that is not public is its owner's business: neither who made it nor where it is.
          const fork = typeof data.forkId === "string" ? forks.get(data.forkId) : undefined;
          const forkPublic = fork?.visibility === "public";
          if (!forkPublic) person = null;
          link = forkPublic ? `/p/${fork.slug}` : prompt ? `/p/${prompt.slug}` : null;
          break;
        }
        case "listing_sale":
        case "listing_refund":
          link = "/dashboard/sales";
          break;
        case "org_invitation":
          // Answered on the organisations page (accept or decline), whatever has happened since.
          link = "/orgs";
          break;
      }
      const amount = typeof data.amountCents === "number" && typeof data.currency === "string" ? formatMoney(data.amountCents, data.currency) : null;
      const stars = typeof data.stars === "number" ? data.stars : null;
      return {
        id: n.id,
        kind,
        actor: person,
        prompt,
        text: notificationText({
          kind,
          actor: person,
          prompt,
          stars,
          amount,
          full: data.full === true,
          free: data.amountCents === 0,
          org: typeof data.orgName === "string" ? { name: data.orgName } : null,
          role: typeof data.role === "string" ? data.role : null,
        }),
        link,
        readAt: n.readAt,
        createdAt: n.createdAt,
      };
    }),
    nextCursor,
  };
}

export async function unreadNotificationCount(db: DbOrTx, actor: Actor) {
  return { count: await db.notification.count({ where: { userId: actor.id, readAt: null } }) };
}

/** Marks the caller's notifications read; ids of anyone else's are ignored (they do not exist for the caller). */
export async function markNotificationsRead(db: DbOrTx, actor: Actor, input: MarkReadInput) {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count, ...(await unreadNotificationCount(db, actor)) };
}
