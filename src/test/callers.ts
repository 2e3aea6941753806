// tRPC callers acting as given users, for integration tests (routers through createCaller).
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import { createUser } from "@/server/domain/users/create-user";

export const anonymous = (db: Db) => createCaller({ db, viewer: null });
export const as = (db: Db, actor: Actor) => createCaller({ db, viewer: actor });

let counter = 0;
export async function makeUser(db: Db, overrides: Partial<{ handle: string; role: "user" | "admin" }> = {}) {
  const handle = overrides.handle ?? `user-${process.pid}-${++counter}`;
  const created = await createUser(db, { email: `${handle}@example.com`, password: "correct horse battery", handle });
  // A fixture's site admin is set directly, so tests' audit logs hold only what they did (the
  // audited grant, user.role, is tested in audit.int.test.ts).
  const user = overrides.role === "admin" ? await db.user.update({ where: { id: created.id }, data: { role: "admin" }, select: { id: true, email: true, handle: true, name: true, role: true, createdAt: true } }) : created;
  const actor: Actor = { id: user.id, handle: user.handle, role: user.role };
  return { user, actor, caller: as(db, actor) };
}
