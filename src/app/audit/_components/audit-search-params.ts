// The /audit query string: filters (org slug, actor handle, action, outcome, period or from/to
// days) and the cursor. Anything unrecognised is dropped rather than failing the page.
import { AUDIT_ACTION_NAMES, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from "@/shared/governance/audit-actions";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";

export const AUDIT_PERIODS = { "24h": { label: "Last 24 hours", ms: 86_400_000 }, "7d": { label: "Last 7 days", ms: 7 * 86_400_000 }, "30d": { label: "Last 30 days", ms: 30 * 86_400_000 }, "90d": { label: "Last 90 days", ms: 90 * 86_400_000 } } as const;
export type AuditPeriod = keyof typeof AUDIT_PERIODS;

export type AuditSearchValues = {
  org?: string;
  actor?: string;
  action?: AuditAction;
  outcome?: AuditOutcome;
  period?: AuditPeriod;
  /** UTC days, YYYY-MM-DD; `to` is inclusive. They win over `period`. */
  from?: string;
  to?: string;
  cursor?: string;
};
type Raw = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | undefined) => (value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined) => ((values as readonly string[]).includes(value ?? "") ? (value as T) : undefined);

export function parseAuditSearchParams(sp: Raw): AuditSearchValues {
  return {
    org: textParam(sp.org, 100),
    actor: textParam(sp.actor, 100)?.replace(/^@/, "") || undefined,
    action: oneOf(AUDIT_ACTION_NAMES, textParam(sp.action)),
    outcome: oneOf(AUDIT_OUTCOMES, textParam(sp.outcome)),
    period: oneOf(Object.keys(AUDIT_PERIODS) as AuditPeriod[], textParam(sp.period)),
    from: day(textParam(sp.from)),
    to: day(textParam(sp.to)),
    cursor: textParam(sp.cursor),
  };
}

/** The /audit URL for these values. */
export const auditHref = (v: AuditSearchValues) =>
  hrefWithQuery("/audit", { org: v.org, actor: v.actor, action: v.action, outcome: v.outcome, period: v.period, from: v.from, to: v.to, cursor: v.cursor });

/** The instants the API filters on: custom days (the whole of `to`), else the period back from now. */
export function auditRange(v: AuditSearchValues, now = new Date()): { from?: Date; to?: Date } {
  if (v.from || v.to) {
    const from = v.from ? new Date(`${v.from}T00:00:00.000Z`) : undefined;
    const to = v.to ? new Date(`${v.to}T23:59:59.999Z`) : undefined;
    // Days typed the wrong way round are read as the period between them.
    return from && to && from > to ? { from: new Date(`${v.to}T00:00:00.000Z`), to: new Date(`${v.from}T23:59:59.999Z`) } : { from, to };
  }
  return v.period ? { from: new Date(now.getTime() - AUDIT_PERIODS[v.period].ms) } : {};
}

/** Whether any filter is set (for "Clear filters" and the empty state's words). */
export const hasAuditFilters = (v: AuditSearchValues) => Boolean(v.org || v.actor || v.action || v.outcome || v.period || v.from || v.to);
