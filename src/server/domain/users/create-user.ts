import "server-only";
import type { Db } from "@/server/db/prisma";
import { recordAudit } from "../audit/record-audit";
import { ConflictError } from "../errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

export const RESERVED_HANDLES = new Set(["admin-panel", "api", "new", "settings", "signin", "signup", "explore", "me", "u", "p"]);

/**
 * A new account. `role: "admin"` (only the CLI offers it) makes a site admin: that grant is audited
 * in the same transaction (actor null: the system; `source` says where it came from).
 */
export async function createUser(db: Db, input: SignUpInput & { role?: "user" | "admin" }, opts: { source?: "cli" } = {}) {
  // "deleted-…" names the anonymised rows of deleted accounts (delete-account.ts).
  if (RESERVED_HANDLES.has(input.handle) || input.handle.startsWith("deleted-")) throw new ConflictError("That handle is reserved.", { handle: ["is reserved"] });
  const clash = await db.user.findFirst({ where: { OR: [{ email: input.email }, { handle: input.handle }] }, select: { email: true, handle: true } });
  if (clash?.email === input.email) throw new ConflictError("An account with that email already exists.", { email: ["is already registered"] });
  if (clash?.handle === input.handle) throw new ConflictError("That handle is taken.", { handle: ["is taken"] });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, handle: input.handle, name: input.name || input.handle, role: input.role ?? "user", passwordHash },
      select: { id: true, email: true, handle: true, name: true, role: true, createdAt: true },
    });
    if (user.role === "admin") {
      await recordAudit(tx, {
        actor: null,
        action: "user.role",
        target: { type: "user", id: user.id },
        from: "none (new account)",
        to: "site admin",
        comment: opts.source === "cli" ? "Granted from the command line (npm run cli -- user create --role admin)" : null,
        details: { handle: user.handle, role: user.role, source: opts.source ?? "system" },
      });
    }
    return user;
  });
}
