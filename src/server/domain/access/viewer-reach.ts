// What widens a signed-in viewer's view of the catalogue beyond public prompts and their own:
// memberships (organisation prompts) and active licenses (paid bodies). Most people have neither,
// and the SQL that allows for them is the dearest part of a search for the embedded database (its
// planning and per-row subqueries cost about twice the anonymous statement), so searches ask once
// and leave out what cannot apply; someone with none of them and no prompt of their own sees what
// an anonymous visitor sees, and shares anonymous answers (public-reads.ts). Read in the same
// request as the search: a membership or license granted between the two only shows on the next
// search, and nothing is ever shown that is not allowed.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { oncePerRender } from "./render-scope";

/** `orgs`: the viewer belongs to an organisation; `licenses`: they hold an active license; `prompts`: they own a prompt. */
export type ViewerReach = { orgs: boolean; licenses: boolean; prompts: boolean };

/** Everything may apply: the SQL built with it is the full rule. */
export const FULL_REACH: ViewerReach = { orgs: true, licenses: true, prompts: true };

/** Nothing applies: an anonymous visitor's. */
export const NO_REACH: ViewerReach = { orgs: false, licenses: false, prompts: false };

export async function viewerReach(db: DbOrTx, viewer: Viewer): Promise<ViewerReach> {
  if (!viewer) return NO_REACH;
  // A page render asks it for several procedures: once is enough (render-scope.ts).
  return oncePerRender(viewer, "reach", () => reachOf(db, viewer.id));
}

async function reachOf(db: DbOrTx, userId: string): Promise<ViewerReach> {
  const [row] = await db.$queryRaw<ViewerReach[]>`
    SELECT EXISTS (SELECT 1 FROM "Membership" WHERE "userId" = ${userId}) AS orgs,
      EXISTS (SELECT 1 FROM "License" WHERE "holderId" = ${userId} AND status = 'active') AS licenses,
      EXISTS (SELECT 1 FROM "Prompt" WHERE "ownerId" = ${userId}) AS prompts`;
  return row ?? FULL_REACH;
}
