// The audit log as CSV (audit.export): the entries the viewer may read that match the filters,
// newest first, with the same columns the page shows. Read page by page; values a spreadsheet
// would run as formulas are escaped (papaparse escapeFormulae, as the harness's batch CSV).
import "server-only";
import Papa from "papaparse";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { AUDIT_ORDER, auditEntrySelect, auditWhere, presentAuditRows } from "./audit-queries";
import type { AuditExportInput } from "./audit-schemas";
import type { RequestMeta } from "../audit/record-audit";

/** More than this is refused (narrow the period): the CSV travels as one API response. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
const PAGE_ROWS = 1_000;

export const AUDIT_CSV_HEADER = [
  "id",
  "created_at",
  "actor_handle",
  "actor_id",
  "org_slug",
  "org_id",
  "action",
  "action_label",
  "outcome",
  "target_type",
  "target_id",
  "target",
  "from",
  "to",
  "comment",
  "ip",
  "user_agent",
  "details",
] as const;

export async function exportAuditCsv(db: DbOrTx, actor: Actor, input: AuditExportInput, request?: RequestMeta | null, maxRows = AUDIT_EXPORT_MAX_ROWS): Promise<string> {
  const { where } = await auditWhere(db, actor, input, request);
  const total = await db.auditEntry.count({ where });
  if (total > maxRows)
    throw new ValidationError(`from: ${total} entries match; an export holds at most ${maxRows}. Narrow the period (from, to) or the filters.`, {
      from: [`narrow the period: at most ${maxRows} entries per export`],
    });
  const lines: unknown[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auditEntry.findMany({
      where,
      orderBy: AUDIT_ORDER,
      take: PAGE_ROWS,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: auditEntrySelect,
    });
    for (const e of await presentAuditRows(db, actor, rows)) {
      lines.push([
        e.id,
        e.createdAt.toISOString(),
        e.actor?.handle ?? "",
        e.actor?.id ?? "",
        e.org?.slug ?? "",
        e.org?.id ?? "",
        e.action,
        e.actionLabel,
        e.outcome,
        e.target.type,
        e.target.id ?? "",
        e.target.label ?? "",
        e.from ?? "",
        e.to ?? "",
        e.comment ?? "",
        e.ip ?? "",
        e.userAgent ?? "",
        Object.keys(e.details).length ? JSON.stringify(e.details) : "",
      ]);
    }
    if (rows.length < PAGE_ROWS || lines.length >= maxRows) break;
    cursor = rows[rows.length - 1].id;
  }
  return Papa.unparse([[...AUDIT_CSV_HEADER], ...lines], { escapeFormulae: true, newline: "\r\n" }) + "\r\n";
}
