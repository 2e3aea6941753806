// Inputs of the audit API (audit.list, audit.export): the same filters for both, every one optional.
// `to` is inclusive (an entry written at that instant is in; a bare date includes its whole day);
// errors name the field.
import { z } from "zod";
import { AUDIT_ACTION_NAMES, AUDIT_OUTCOMES } from "@/shared/governance/audit-actions";
import { MAX_PAGE_SIZE } from "../pagination";

const dateInput = z.coerce.date({ error: "must be a date (YYYY-MM-DD or ISO 8601)" });
/** Inclusive: a bare date (YYYY-MM-DD) means the end of that day (UTC), as the /audit page reads it. */
const endDateInput = z.preprocess((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? `${v.trim()}T23:59:59.999Z` : v), dateInput);
const text = (what: string, max: number) => z.string({ error: `must be ${what}` }).trim().min(1, `must be ${what}`).max(max, `must be at most ${max} characters`);

export const auditFilterFields = {
  /** The actor's handle (today's, or the one they had when the entry was written). */
  actor: text("a handle", 100).optional(),
  action: z.enum(AUDIT_ACTION_NAMES, { error: "must be one of the audited actions (see AUDIT_ACTIONS)" }).optional(),
  orgId: text("an organisation id", 100).optional(),
  /** The organisation by its slug, as page URLs name it (/audit?org=<slug>). */
  orgSlug: text("an organisation slug", 100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES, { error: `must be one of ${AUDIT_OUTCOMES.join(", ")}` }).optional(),
  from: dateInput.optional(),
  to: endDateInput.optional(),
};

type Filters = { orgId?: string; orgSlug?: string; from?: Date; to?: Date };

function checkFilters(input: Filters, ctx: z.RefinementCtx) {
  if (input.from && input.to && input.from.getTime() > input.to.getTime()) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
  if (input.orgId && input.orgSlug) ctx.addIssue({ code: "custom", path: ["orgSlug"], message: "give orgId or orgSlug, not both" });
}

export const auditListInput = z
  .object({
    ...auditFilterFields,
    cursor: z.string().max(200).nullish(),
    limit: z.number({ error: "must be a number" }).int().min(1, "must be at least 1").max(MAX_PAGE_SIZE, `is at most ${MAX_PAGE_SIZE}`).default(50),
  })
  .superRefine(checkFilters)
  .default({ limit: 50 });
export type AuditListInput = z.infer<typeof auditListInput>;

export const auditExportInput = z
  .object({ ...auditFilterFields, format: z.literal("csv", { error: "must be csv" }).default("csv") })
  .superRefine(checkFilters)
  .default({ format: "csv" });
export type AuditExportInput = z.infer<typeof auditExportInput>;

export type AuditFilters = Omit<AuditListInput, "cursor" | "limit">;
