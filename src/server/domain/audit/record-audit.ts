// Appends one entry to the audit log (AuditEntry: append-only, the database refuses changes).
// Written in the same transaction as the change it records when the caller passes its `tx`, so an
// action and its entry land together or not at all.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { AuditAction, AuditOutcome } from "@/shared/governance/audit-actions";
import type { Viewer } from "../actor";

/** Where a request came from, as the tRPC context and route handlers know it. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export type AuditEntryInput = {
  actor: Viewer;
  action: AuditAction;
  outcome?: AuditOutcome;
  target: { type: string; id?: string | null };
  orgId?: string | null;
  from?: string | null;
  to?: string | null;
  comment?: string | null;
  request?: RequestMeta | null;
  details?: Prisma.InputJsonObject;
};

const MAX_TEXT = 2_000;
const clip = (value: string | null | undefined) => (value == null ? null : value.slice(0, MAX_TEXT));

export async function recordAudit(db: DbOrTx, entry: AuditEntryInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorHandle: entry.actor?.handle ?? null,
      orgId: entry.orgId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? "allowed",
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      fromValue: clip(entry.from),
      toValue: clip(entry.to),
      comment: clip(entry.comment),
      ip: clip(entry.request?.ip),
      userAgent: clip(entry.request?.userAgent),
      details: entry.details ?? {},
    },
  });
}
