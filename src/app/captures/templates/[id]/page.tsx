import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CapturesNav } from "@/components/captures/captures-nav";
import { TemplatePromoteButton } from "@/components/captures/template-promote-button";
import { HighlightedBody } from "@/components/prompts/highlighted-body";
import { ButtonLink } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { formatInteger } from "@/components/ui/format-number";
import { Pager } from "@/components/ui/pager";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { templateName } from "../_components/templates-table";
import { ValuesTable } from "./_components/values-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Template" };

const PAGE_SIZE = 50;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-xs">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-semibold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const cursor = textParam((await searchParams).cursor);
  const href = (c?: string) => hrefWithQuery(`/captures/templates/${encodeURIComponent(id)}`, { cursor: c });
  await requireSignedIn(href(cursor));

  const api = await serverApi();
  const [data, counts] = await Promise.all([
    firstPageOnStaleCursor(cursor, (c) => api.template.byId({ templateId: id, cursor: c, limit: PAGE_SIZE })).catch(notFoundOnMissing),
    api.detected.counts(),
  ]);
  const t = data.template;
  const name = templateName(t);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <CapturesNav active="templates" inbox={counts.detected} className="" />
      <p className="mt-6 text-sm">
        <Link href="/captures/templates" className="text-slate-600 hover:text-slate-900 hover:underline">
          <span aria-hidden>←</span> All templates
        </Link>
      </p>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere] sm:text-3xl">{name}</h1>
          <p className="mt-1.5 text-sm text-slate-600">
            A template induced from your captured calls
            {t.variables.length ? `, with ${t.variables.length === 1 ? "one variable" : `${t.variables.length} variables`}` : ""}.
          </p>
          {t.detectedPrompt && !t.promotedPrompt ? (
            <p className="mt-1 text-sm text-slate-600">
              In the Detected inbox as{" "}
              <Link href="/captures/detected" className="font-medium text-indigo-700 hover:underline">
                {t.detectedPrompt.title}
              </Link>
            </p>
          ) : null}
        </div>
        {t.promotedPrompt ? null : <TemplatePromoteButton templateId={t.id} defaultTitle={t.detectedPrompt?.title ?? name} captureCount={t.captureCount} />}
      </header>

      {t.promotedPrompt ? (
        <p className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          Promoted to{" "}
          <Link href={`/p/${t.promotedPrompt.slug}`} className="font-semibold underline-offset-2 hover:underline">
            {t.promotedPrompt.title}
          </Link>
          : these calls, and later ones that fit, count as its usage.
        </p>
      ) : null}

      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Fact label="Members">{formatInteger(t.memberCount)}</Fact>
        <Fact label="Calls">{formatInteger(t.captureCount)}</Fact>
        <Fact label="Share of calls">{t.share > 0 && t.share < 0.01 ? "<1%" : `${Math.round(t.share * 100)}%`}</Fact>
        <Fact label="First seen">{formatDate(t.firstSeenAt)}</Fact>
        <Fact label="Last seen">
          <TimeAgo value={t.lastSeenAt} />
        </Fact>
      </dl>

      <section aria-labelledby="shell-heading" className="mt-8">
        <h2 id="shell-heading" className="text-lg font-semibold text-slate-900">
          Template
        </h2>
        <p className="mt-1 text-sm text-slate-600">The text every call shares; highlighted slots are where the calls differ.</p>
        <HighlightedBody body={t.shell} label="Template text" className="mt-3" />
      </section>

      <section aria-labelledby="values-heading" className="mt-8">
        <h2 id="values-heading" className="text-lg font-semibold text-slate-900">
          Values per call
        </h2>
        <div className="mt-3">
          {data.captures.length ? (
            <ValuesTable variables={t.variables} captures={data.captures} />
          ) : (
            <EmptyState
              title={cursor ? "No more calls" : "No calls in this template"}
              action={
                cursor ? (
                  <ButtonLink href={href()} variant="secondary">
                    Back to the newest
                  </ButtonLink>
                ) : undefined
              }
            />
          )}
        </div>
        <Pager firstHref={cursor ? href() : undefined} firstLabel="Newest" nextHref={data.nextCursor ? href(data.nextCursor) : undefined} nextLabel="Older calls" className="mt-6" />
      </section>
    </main>
  );
}
