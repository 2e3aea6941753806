import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, type AuditAction } from "@/shared/governance/audit-actions";
import { AUDIT_PERIODS, auditHref, hasAuditFilters, type AuditPeriod, type AuditSearchValues } from "./audit-search-params";

type Org = { id: string; slug: string; name: string };

/** The action filter's groups, by the part of the name before the dot. */
const GROUPS: Record<string, string> = {
  org: "Organisation",
  member: "Members",
  invitation: "Invitations",
  prompt: "Prompts",
  version: "Versions",
  label: "Labels",
  apiKey: "API keys",
  listing: "Marketplace",
  refund: "Marketplace",
  provider: "Model providers",
  webhook: "Webhooks",
  account: "Account",
  signin: "Account",
};

function actionGroups() {
  const groups = new Map<string, AuditAction[]>();
  for (const name of AUDIT_ACTION_NAMES) {
    const group = GROUPS[name.split(".")[0]] ?? name.split(".")[0];
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  return [...groups];
}

const label = "block text-xs font-medium text-slate-600";

/** A plain GET form, so filters live in the URL (shareable, and working without JavaScript). */
export function AuditFilters({ values, orgs, siteAdmin }: { values: AuditSearchValues; orgs: Org[]; siteAdmin: boolean }) {
  const orgOptions = values.org && !orgs.some((o) => o.slug === values.org) ? [{ id: values.org, slug: values.org, name: values.org }, ...orgs] : orgs;
  return (
    // Keyed by the filters: after a client-side navigation (Clear filters, a link) the fields show the URL's values, not the last ones typed.
    <form key={auditHref({ ...values, cursor: undefined })} method="get" action="/audit" role="search" aria-label="Filter the audit log" className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-3 lg:grid-cols-4">
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="audit-org" className={label}>
          Organisation
        </label>
        <Select id="audit-org" name="org" defaultValue={values.org ?? ""} className="mt-1 w-full">
          <option value="">{siteAdmin ? "Everything (all entries)" : "All my organisations"}</option>
          {orgOptions.map((o) => (
            <option key={o.id} value={o.slug}>
              {o.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="audit-actor" className={label}>
          Actor (handle)
        </label>
        <Input id="audit-actor" name="actor" defaultValue={values.actor ?? ""} placeholder="e.g. ada" autoComplete="off" spellCheck={false} maxLength={100} className="mt-1 w-full" />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="audit-action" className={label}>
          Action
        </label>
        <Select id="audit-action" name="action" defaultValue={values.action ?? ""} className="mt-1 w-full">
          <option value="">Any action</option>
          {actionGroups().map(([group, names]) => (
            <optgroup key={group} label={group}>
              {names.map((name) => (
                <option key={name} value={name}>
                  {AUDIT_ACTIONS[name]}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="audit-outcome" className={label}>
          Outcome
        </label>
        <Select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ""} className="mt-1 w-full">
          <option value="">Any outcome</option>
          <option value="allowed">Allowed</option>
          <option value="refused">Refused</option>
        </Select>
      </div>
      <div>
        <label htmlFor="audit-period" className={label}>
          Period
        </label>
        <Select id="audit-period" name="period" defaultValue={values.period ?? ""} className="mt-1 w-full">
          <option value="">Any time</option>
          {(Object.keys(AUDIT_PERIODS) as AuditPeriod[]).map((p) => (
            <option key={p} value={p}>
              {AUDIT_PERIODS[p].label}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="audit-from" className={label}>
          From (UTC day)
        </label>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} className="mt-1 w-full" aria-describedby="audit-days-hint" />
      </div>
      <div>
        <label htmlFor="audit-to" className={label}>
          To (UTC day)
        </label>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} className="mt-1 w-full" aria-describedby="audit-days-hint" />
      </div>
      <p id="audit-days-hint" className="col-span-2 self-end text-xs text-slate-500 sm:col-span-3 lg:col-span-1">
        Days, when given, take the place of the period; the To day counts whole.
      </p>
      <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-4">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {hasAuditFilters(values) ? (
          <Link href="/audit" className="rounded px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
