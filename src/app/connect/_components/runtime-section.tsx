import Link from "next/link";
import { SnippetTabs } from "./snippet-tabs";
import { runtimeSnippets } from "./runtime-snippets";

const code = "whitespace-nowrap rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800";

const RESPONSE_HEADERS: [string, string][] = [
  ["ETag", "Send it back as If-None-Match: an unchanged answer is 304 with no body."],
  ["X-Promptuary-Version", "The version number served (with a split, the one this request got); also version in the body."],
  ["X-Promptuary-Label", "The label that chose it (production when none was asked for, or latest while there is no production)."],
];

/** The Connect page's section on fetching prompts at run time: the endpoint, its answers, snippets. */
export function RuntimeSection({ origin }: { origin: string }) {
  return (
    <section aria-labelledby="runtime-heading" id="runtime" className="mt-12 scroll-mt-20">
      <h2 id="runtime-heading" className="text-lg font-semibold text-slate-900">
        Fetch prompts at run time
      </h2>
      <div className="mt-1 max-w-3xl space-y-2 text-sm leading-6 text-slate-600">
        <p>
          Ship prompt changes without a deploy: your app asks for a prompt by label and gets whatever version the label points at.{" "}
          <code className={`${code} whitespace-normal [overflow-wrap:anywhere]`}>GET {origin}/api/v1/prompts/&lt;slug&gt;</code> serves <code className={code}>production</code> (or{" "}
          <code className={code}>?label=staging</code>, <code className={code}>?label=latest</code>, <code className={code}>?version=3</code>) with its body,
          variables and model settings; <code className={code}>POST</code> the same URL with <code className={code}>{'{"variables": {…}}'}</code> for the
          rendered text. Authenticate with an API key with the <code className={code}>read</code> scope, as <code className={code}>Authorization: Bearer</code> or{" "}
          <code className={code}>x-promptuary-key</code>.
        </p>
        <p>
          Move and split labels on a prompt&apos;s page. A label split between two versions (say 80/20) picks per request; send the rendered prompts through the
          capture proxy above and the page shows each version&apos;s calls, error rate, latency and cost. A cached copy keeps its version until it is
          revalidated, so keep the cache short while a split runs.{" "}
          <Link href="/settings#api-keys-heading" className="font-medium text-indigo-700 hover:underline">
            Create a read key
          </Link>
          .
        </p>
      </div>
      <div className="mt-4">
        <SnippetTabs sdk="Runtime prompts" snippets={runtimeSnippets(origin)} />
      </div>
      <div className="mt-4 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <dl className="divide-y divide-slate-100">
          {RESPONSE_HEADERS.map(([name, what]) => (
            <div key={name} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-6">
              <dt className="font-mono text-[13px] font-semibold text-slate-900">{name}</dt>
              <dd className="text-sm text-slate-600">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
