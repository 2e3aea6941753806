// Refusals of sensitive organisation changes land in the audit log as "refused" entries. The change
// itself runs in a transaction that a refusal rolls back, so the entry is written afterwards, on the
// database handle, with the refusal's message as its comment.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { AuditEntryInput } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, ForbiddenError } from "../errors";

/** Runs `change`; a 403 or 409 it throws is recorded as a refused `entry` before it reaches the caller. */
export async function auditRefusals<T>(db: Db, entry: Omit<AuditEntryInput, "outcome" | "comment">, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof ConflictError) await recordAudit(db, { ...entry, outcome: "refused", comment: error.message });
    throw error;
  }
}
