import type { DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { listablePromptsWhere } from "../prompts/access";

export const publicUserSelect = { id: true, handle: true, name: true, bio: true, image: true, createdAt: true } as const;

export async function getUserByHandle(db: DbOrTx, viewer: Viewer, handle: string) {
  const user = await db.user.findUnique({ where: { handle: handle.toLowerCase() }, select: publicUserSelect });
  if (!user) throw new NotFoundError("User");
  // Counts only what this viewer may see: others never learn about private prompts.
  const promptCount = await db.prompt.count({ where: { AND: [{ ownerId: user.id }, listablePromptsWhere(viewer)] } });
  return { ...user, promptCount };
}

export async function getMe(db: DbOrTx, actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { ...publicUserSelect, email: true, role: true },
  });
  if (!user) throw new NotFoundError("User");
  return user;
}

export async function updateProfile(db: DbOrTx, actor: Actor, input: { name?: string; bio?: string; image?: string }) {
  const { image, ...rest } = input;
  return db.user.update({
    where: { id: actor.id },
    data: { ...rest, ...(image !== undefined ? { image: image || null } : {}) },
    select: { ...publicUserSelect, email: true, role: true },
  });
}
