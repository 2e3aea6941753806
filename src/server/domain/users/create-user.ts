import "server-only";
import type { Db } from "@/server/db/prisma";
import { ConflictError } from "../errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

export const RESERVED_HANDLES = new Set(["admin-panel", "api", "new", "settings", "signin", "signup", "explore", "me", "u", "p"]);

export async function createUser(db: Db, input: SignUpInput & { role?: "user" | "admin" }) {
  // "deleted-…" names the anonymised rows of deleted accounts (delete-account.ts).
  if (RESERVED_HANDLES.has(input.handle) || input.handle.startsWith("deleted-")) throw new ConflictError("That handle is reserved.", { handle: ["is reserved"] });
  const clash = await db.user.findFirst({ where: { OR: [{ email: input.email }, { handle: input.handle }] }, select: { email: true, handle: true } });
  if (clash?.email === input.email) throw new ConflictError("An account with that email already exists.", { email: ["is already registered"] });
  if (clash?.handle === input.handle) throw new ConflictError("That handle is taken.", { handle: ["is taken"] });
  const user = await db.user.create({
    data: {
      email: input.email,
      handle: input.handle,
      name: input.name || input.handle,
      role: input.role ?? "user",
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true, email: true, handle: true, name: true, role: true, createdAt: true },
  });
  return user;
}
