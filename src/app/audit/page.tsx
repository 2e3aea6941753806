import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { serverApi } from "@/trpc/server";
import { AuditCsvButton } from "./_components/audit-csv-button";
import { AuditFilters } from "./_components/audit-filters";
import { auditHref, auditRange, hasAuditFilters, parseAuditSearchParams } from "./_components/audit-search-params";
import { AuditTable } from "./_components/audit-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

function NoAccess({ message }: { message: string }) {
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Audit log</h1>
      <Alert tone="warning" title="Not for you to read" className="mt-6">
        {message}
      </Alert>
      <p className="mt-4 text-sm text-slate-600">
        <Link href="/orgs" className="font-medium text-indigo-700 hover:underline">
          Your organisations
        </Link>
      </p>
    </main>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const values = parseAuditSearchParams(raw);
  // The filter form sends every field, empty ones too: one URL per filter set, without them.
  if (Object.values(raw).some((v) => v === "")) redirect(auditHref(values));
  await requireSignedIn(auditHref(values));
  const api = await serverApi();
  const scope = await api.audit.scope();
  if (!scope.mayRead) return <NoAccess message="The audit log is open to site admins, and to an organisation's admins and owners for that organisation." />;

  const filters = { orgSlug: values.org, actor: values.actor, action: values.action, outcome: values.outcome, ...auditRange(values) };
  let list;
  try {
    list = await firstPageOnStaleCursor(values.cursor, (cursor) => api.audit.list({ ...filters, cursor, limit: PAGE_SIZE }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return <NoAccess message={error.message} />;
    throw error;
  }
  const { org } = list;
  const filtered = hasAuditFilters(values);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{org ? `${org.name}: audit log` : "Audit log"}</h1>
          <p className="mt-1.5 max-w-2xl text-sm text-slate-600">
            {org ? (
              <>
                Everything done in{" "}
                <Link href={`/o/${org.slug}`} className="font-medium text-indigo-700 hover:underline">
                  {org.name}
                </Link>{" "}
                that the log records: roles, invitations, approvals, label moves, settings, and refused attempts.
              </>
            ) : scope.siteAdmin ? (
              "Every sensitive action on the site, and every refused attempt at one: who, when, what, from → to, and the request's address and browser."
            ) : (
              "What happened in the organisations you administer or own, and refused attempts there."
            )}{" "}
            Entries cannot be changed or deleted, not even by the database’s owner.
          </p>
        </div>
        <AuditCsvButton input={{ ...filters, format: "csv" }} filename={`promptuary-audit-${org?.slug ?? (scope.siteAdmin ? "site" : "my-orgs")}-${today}.csv`} />
      </header>

      <div className="mt-6">
        <AuditFilters values={values} orgs={scope.orgs} siteAdmin={scope.siteAdmin} />
      </div>

      {list.staleCursor ? (
        <Alert tone="info" className="mt-4">
          That page of the log is out of date; here are the newest entries.
        </Alert>
      ) : null}

      <section aria-labelledby="audit-entries-heading" className="mt-6">
        <h2 id="audit-entries-heading" className="sr-only">
          Entries
        </h2>
        {list.items.length ? (
          <AuditTable items={list.items} />
        ) : (
          <EmptyState
            title={filtered ? "No entries match these filters" : values.cursor ? "No older entries" : "Nothing recorded yet"}
            action={
              filtered || values.cursor ? (
                <ButtonLink href="/audit" variant="secondary">
                  {filtered ? "Clear filters" : "Back to the newest"}
                </ButtonLink>
              ) : undefined
            }
          >
            {filtered ? "Widen the period or pick another action or actor." : "Sensitive actions appear here as they happen."}
          </EmptyState>
        )}
        <Pager
          firstHref={values.cursor ? auditHref({ ...values, cursor: undefined }) : undefined}
          firstLabel="Newest"
          nextHref={list.nextCursor ? auditHref({ ...values, cursor: list.nextCursor }) : undefined}
          nextLabel="Older entries"
          className="mt-6"
        />
      </section>
    </main>
  );
}
