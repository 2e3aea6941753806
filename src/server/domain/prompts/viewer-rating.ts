import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { oncePerRender } from "../access/render-scope";

/** The viewer's own rating of a prompt, or null; a prompt page shows it twice (header, reviews) and asks once (render-scope.ts). */
export function viewerRating(db: DbOrTx, viewer: Viewer, promptId: string): Promise<{ stars: number; review: string } | null> {
  if (!viewer) return Promise.resolve(null);
  return oncePerRender(viewer, `rating:${promptId}`, () => db.rating.findUnique({ where: { userId_promptId: { userId: viewer.id, promptId } }, select: { stars: true, review: true } }));
}
