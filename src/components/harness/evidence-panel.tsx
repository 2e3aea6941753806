// The evidence on a listing, as buyers see it: which models the prompt was tested on and how it did
// on each (pass-rate bars, median cost and latency, sample outputs), on which version and when,
// next to its real usage from captured calls and its lineage. Every figure comes from runs and
// batches Promptuary recorded; the seller chooses which to show, never what they say.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui/card";
import { DateTime, TimeAgo } from "@/components/ui/date-time";
import { compactNumber, formatInteger } from "@/components/ui/format-number";
import { CheckIcon, ForkIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import { formatCost, formatMs } from "./harness-format";
import { assertionText, formatPassRate, passTone } from "./evidence-format";
import type { EvidenceModelData, ListingEvidenceData } from "./evidence-types";

export function PassBar({ rate, label }: { rate: number | null; label: string }) {
  const tone = passTone(rate);
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 min-w-0 flex-1 overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rate === null ? undefined : Math.round(rate * 100)}
        aria-valuetext={formatPassRate(rate)}
      >
        {rate !== null ? <div className={`h-full rounded-full ${tone.bar}`} style={{ width: `${Math.max(rate * 100, rate > 0 ? 2 : 0)}%` }} /> : null}
      </div>
      <span className={`w-14 shrink-0 text-right text-sm font-semibold tabular-nums ${tone.text}`}>{formatPassRate(rate)}</span>
    </div>
  );
}

function VersionNote({ evidence }: { evidence: ListingEvidenceData }) {
  const { versions, testsCurrentVersion } = evidence.overall;
  const list = versions.map((v) => `v${v}`).join(", ");
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span>tested on {list}</span>
      {testsCurrentVersion ? (
        <Badge tone="emerald">{versions.length > 1 ? `includes current v${evidence.currentVersion}` : "current version"}</Badge>
      ) : (
        <Badge tone="amber">current is v{evidence.currentVersion}</Badge>
      )}
    </span>
  );
}

function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2.5 ring-1 ring-inset ring-slate-200">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

function ModelRow({ m }: { m: EvidenceModelData }) {
  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid="evidence-model">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <span className="inline-flex min-w-0 max-w-full items-center gap-1.5 rounded-full bg-indigo-50 py-0.5 pr-2.5 pl-1 text-sm ring-1 ring-inset ring-indigo-200">
          <span className="rounded-full bg-white px-1.5 text-[11px] font-semibold uppercase tracking-wide text-indigo-700 ring-1 ring-inset ring-indigo-200">{m.provider}</span>
          <span className="min-w-0 truncate font-mono font-medium text-indigo-900">{m.model}</span>
        </span>
        <span className="text-xs text-slate-500 tabular-nums">
          {m.checked ? `${m.passed}/${m.checked} checks passed` : "no checks"} · {plural(m.cells, "call")}
          {m.errors ? <span className="text-rose-700"> · {plural(m.errors, "error")}</span> : null}
        </span>
      </div>
      <div className="mt-2">
        <PassBar rate={m.passRate} label={`Pass rate on ${m.model}`} />
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt className="text-slate-500">Median cost</dt>
          <dd className="font-semibold text-slate-800 tabular-nums" title={m.medianCostUsd === null ? "This model has no price in the price table" : `Over ${plural(m.pricedCells, "priced call")}`}>
            {formatCost(m.medianCostUsd)}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-slate-500">Median latency</dt>
          <dd className="font-semibold text-slate-800 tabular-nums">{formatMs(m.medianLatencyMs)}</dd>
        </div>
        {m.medianTtftMs !== null ? (
          <div className="flex gap-1">
            <dt className="text-slate-500">First token</dt>
            <dd className="font-semibold text-slate-800 tabular-nums">{formatMs(m.medianTtftMs)}</dd>
          </div>
        ) : null}
      </dl>
      {m.assertions.length || m.samples.length ? (
        <div className="mt-2.5 space-y-2">
          {m.assertions.length ? (
            <details className="group rounded-lg ring-1 ring-inset ring-slate-200">
              <Summary>Checks on {m.model}</Summary>
              <ul className="space-y-1.5 border-t border-slate-100 px-3 py-2.5">
                {m.assertions.map((a, i) => (
                  <li key={i} className="grid grid-cols-[minmax(0,1fr)_7rem] items-center gap-3 text-xs sm:grid-cols-[minmax(0,1fr)_10rem]">
                    <span className="min-w-0 text-slate-700 [overflow-wrap:anywhere]">
                      {assertionText(a.type, a.value)} <span className="text-slate-500 tabular-nums">({a.passed}/{a.checked})</span>
                    </span>
                    <PassBar rate={a.passRate} label={`${assertionText(a.type, a.value)} on ${m.model}`} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {m.samples.map((s, i) => (
            <details key={i} className="group rounded-lg ring-1 ring-inset ring-slate-200" data-testid="evidence-sample">
              <Summary>
                <span className="inline-flex min-w-0 items-center gap-2">
                  <span className="truncate">
                    Sample output {i + 1} <span className="font-normal text-slate-500">· v{s.versionNumber}</span>
                  </span>
                  {s.passed === true ? <Badge tone="emerald">passed</Badge> : s.passed === false ? <Badge tone="rose">failed a check</Badge> : null}
                </span>
              </Summary>
              <pre className="max-h-64 overflow-auto whitespace-pre-wrap border-t border-slate-100 px-3 py-2.5 font-sans text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere]">
                {s.output}
                {s.truncated ? <span className="text-slate-400"> …</span> : null}
              </pre>
              {s.redacted ? <p className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">Where the model repeated the prompt, that text is withheld: it is for licensees.</p> : null}
            </details>
          ))}
        </div>
      ) : null}
    </li>
  );
}

function Summary({ children }: { children: ReactNode }) {
  return (
    <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
      <span className="min-w-0">{children}</span>
      <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
        ›
      </span>
    </summary>
  );
}

/** The checks that were asked, over every model: what "pass" means here. */
function checksAsked(models: EvidenceModelData[]) {
  const byKey = new Map<string, { text: string; passed: number; checked: number }>();
  for (const m of models)
    for (const a of m.assertions) {
      const text = assertionText(a.type, a.value);
      const entry = byKey.get(text) ?? { text, passed: 0, checked: 0 };
      entry.passed += a.passed;
      entry.checked += a.checked;
      byKey.set(text, entry);
    }
  return [...byKey.values()];
}

export function EvidencePanel({ evidence, preview = false }: { evidence: ListingEvidenceData; preview?: boolean }) {
  if (!evidence.sources.length) return null;
  const { overall, usage, lineage } = evidence;
  const runs = evidence.sources.filter((s) => s.kind === "run").length;
  const batches = evidence.sources.length - runs;
  const checks = checksAsked(evidence.models);
  const headingId = `evidence-heading-${evidence.listingId}`;

  return (
    <section aria-labelledby={headingId} id="evidence" className="scroll-mt-20" data-testid="evidence-panel">
      <Card>
        <div className="p-4 sm:p-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-xs font-semibold uppercase tracking-wide text-indigo-600">{preview ? "Evidence · as buyers see it" : "Evidence"}</p>
              <h2 id={headingId} className="mt-0.5 text-lg font-semibold text-slate-900">
                Tested on {plural(overall.models, "model")}
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-slate-600">
                {/* Each later item carries its own "·", so a wrapped line never ends on a dangling separator. */}
                <span>{plural(overall.cells, "recorded call")}</span>
                <span className="inline-flex flex-wrap items-center gap-x-1.5 before:text-slate-400 before:content-['·']">
                  <VersionNote evidence={evidence} />
                </span>
                {overall.lastTestedAt ? (
                  <span className="before:mr-1.5 before:text-slate-400 before:content-['·']">
                    last <DateTime value={overall.lastTestedAt} />
                  </span>
                ) : null}
              </p>
            </div>
            <div className={`flex shrink-0 items-baseline gap-2 sm:block sm:text-right ${passTone(overall.passRate).text}`}>
              <p className="text-3xl font-bold tracking-tight tabular-nums">{formatPassRate(overall.passRate)}</p>
              <p className="text-xs font-medium text-slate-500">{overall.passRate === null ? "nothing asserted" : "of checks passed"}</p>
            </div>
          </div>

          <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="Models" value={overall.models} detail={evidence.models.map((m) => m.provider).filter((p, i, all) => all.indexOf(p) === i).join(", ")} />
            <Stat label="Calls" value={formatInteger(overall.cells)} detail={overall.errors ? <span className="text-rose-700">{plural(overall.errors, "error")}</span> : "no errors"} />
            <Stat
              label="Real usage"
              value={compactNumber(usage.captureCount)}
              detail={usage.lastCapturedAt ? <>captured calls, last <TimeAgo value={usage.lastCapturedAt} /></> : "captured calls"}
            />
            <Stat
              label="Lineage"
              value={lineage.isFork ? <span className="inline-flex items-center gap-1"><ForkIcon width={16} height={16} aria-hidden />Fork</span> : "Original"}
              detail={`${plural(lineage.forkCount, "public fork")}`}
            />
          </dl>

          <ul className="mt-5 divide-y divide-slate-100" aria-label="Results per model">
            {evidence.models.map((m) => (
              <ModelRow key={`${m.provider}/${m.model}`} m={m} />
            ))}
          </ul>

          {checks.length ? (
            <div className="mt-5 border-t border-slate-100 pt-4">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">What was checked</h3>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {checks.map((c) => (
                  <li key={c.text} className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-slate-50 px-2.5 py-1 text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
                    <span className="min-w-0 truncate">{c.text}</span>
                    <span className={`font-semibold tabular-nums ${passTone(c.checked ? c.passed / c.checked : null).text}`}>{formatPassRate(c.checked ? c.passed / c.checked : null)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <div className="mt-5 space-y-2 border-t border-slate-100 pt-4 text-xs text-slate-600">
            {lineage.isFork ? (
              <p className="flex flex-wrap items-center gap-1">
                <ForkIcon width={14} height={14} aria-hidden className="text-slate-400" />
                {lineage.forkOf ? (
                  <>
                    Fork of{" "}
                    <Link href={`/p/${lineage.forkOf.slug}?v=${lineage.forkOf.versionNumber}`} className="font-medium text-indigo-600 hover:text-indigo-800">
                      {lineage.forkOf.title}
                    </Link>{" "}
                    v{lineage.forkOf.versionNumber} by @{lineage.forkOf.ownerHandle}
                  </>
                ) : (
                  "Forked from a prompt that is not public."
                )}
              </p>
            ) : null}
            <p className="flex items-start gap-1.5">
              <CheckIcon width={14} height={14} aria-hidden className="mt-0.5 shrink-0 text-emerald-600" />
              <span>
                From {[runs ? plural(runs, "run") : null, batches ? plural(batches, "batch", "batches") : null].filter(Boolean).join(" and ")} recorded by Promptuary&apos;s test harness: the
                figures are computed from the stored results, the seller only chooses which runs to show. Usage counts calls captured through the Promptuary proxy.
              </span>
            </p>
            <ul className="flex flex-wrap gap-1.5" aria-label="Runs and batches shown">
              {evidence.sources.map((s) => (
                <li key={s.evidenceId} className="rounded-md bg-slate-50 px-2 py-1 ring-1 ring-inset ring-slate-200 tabular-nums">
                  {s.kind === "run" ? "Run" : `Batch of ${plural(s.rows, "row")}`} · v{s.versionNumber}
                  {s.isCurrentVersion ? " (current)" : ""} · {plural(s.cells, "call")} · <DateTime value={s.testedAt} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Card>
    </section>
  );
}

/** One line for cards and the Buy box: "Tested on 3 models · 92% pass". */
export function EvidenceLine({ models, passRate, href, className = "" }: { models: number; passRate: number | null; href?: string; className?: string }) {
  const text = (
    <>
      <CheckIcon width={13} height={13} aria-hidden className="shrink-0 text-emerald-600" />
      <span>
        Tested on {plural(models, "model")}
        {passRate !== null ? (
          <>
            {" "}
            · <span className={`font-semibold ${passTone(passRate).text}`}>{formatPassRate(passRate)} pass</span>
          </>
        ) : null}
      </span>
    </>
  );
  const cls = `inline-flex items-center gap-1.5 text-xs text-slate-600 ${className}`;
  return href ? (
    <a href={href} className={`${cls} rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600`} data-testid="evidence-line">
      {text}
    </a>
  ) : (
    <span className={cls} data-testid="evidence-line">
      {text}
    </span>
  );
}
