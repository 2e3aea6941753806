import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { DecisionBadge, decisionDescription } from "../_components/decision-badge";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";
import { formatInteger } from "@/components/ui/format-number";
import { formatCost, formatLatency, formatTokens, isError } from "../_components/format";
import { StatusBadge } from "../_components/status-badge";
import { readableRequest } from "./_components/request-messages";
import { RequestView } from "./_components/request-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Capture" };

function Section({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5">
        <h2 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      <div className="px-4 py-4 sm:px-5">{children}</div>
    </section>
  );
}

/** A label and value: side by side on phones (stacked from sm up, or always when `stacked`). */
function Item({ label, children, mono = false, stacked = false }: { label: string; children: ReactNode; mono?: boolean; stacked?: boolean }) {
  const layout = stacked ? "block" : "flex items-baseline justify-between gap-4 py-1.5 sm:block sm:py-0";
  const align = stacked ? "mt-0.5" : "text-right sm:mt-0.5 sm:text-left";
  return (
    <div className={layout}>
      <dt className="shrink-0 text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`min-w-0 text-sm text-slate-900 [overflow-wrap:anywhere] ${align} ${mono ? "font-mono text-[13px]" : ""}`}>{children ?? <span className="text-slate-400">—</span>}</dd>
    </div>
  );
}

/** Extracted {{variable}} values, one per line. */
function Values({ label, values }: { label: string; values: Record<string, string> | null }) {
  const entries = values ? Object.entries(values) : [];
  if (entries.length === 0) return null;
  return (
    <Item label={label} stacked>
      <dl className="mt-1 space-y-1.5">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt className="font-mono text-xs text-indigo-700">{`{{${name}}}`}</dt>
            <dd className="max-h-32 overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50/60 px-2 py-1 font-mono text-[12px] text-slate-800">{value || <span className="text-slate-400">(empty)</span>}</dd>
          </div>
        ))}
      </dl>
    </Item>
  );
}

const BodiesNotStored = ({ explain = false }: { explain?: boolean }) => (
  <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-600">
    Bodies not stored (metadata mode).
    {explain ? (
      <>
        {" "}
        The call was sent with <code className="font-mono text-[13px]">x-promptuary-capture: metadata</code>.
      </>
    ) : null}
  </p>
);

export default async function CapturePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSignedIn(`/captures/${id}`);

  const c = await (await serverApi()).capture.byId({ id }).catch(notFoundOnMissing);

  const metadataOnly = c.captureMode === "metadata";
  const readable = readableRequest(c.requestBody, c.systemPrompt);
  const rawJson = c.requestBody === null || c.requestBody === undefined ? null : JSON.stringify(c.requestBody, null, 2);
  const properties = c.properties && typeof c.properties === "object" && !Array.isArray(c.properties) ? Object.entries(c.properties as Record<string, unknown>) : [];
  const totalTokens = c.inputTokens === null && c.outputTokens === null ? null : (c.inputTokens ?? 0) + (c.outputTokens ?? 0);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <Link href="/captures" className="rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <span aria-hidden>←</span> All captures
      </Link>
      <header className="mt-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-indigo-600">Captured call</p>
        <h1 className="mt-1 break-all font-mono text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{c.model ?? "Unknown model"}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-slate-600">
          <StatusBadge status={c.status} />
          <span>{c.provider}</span>
          <span className="font-mono text-[13px] [overflow-wrap:anywhere]">
            {c.method} {c.endpoint}
          </span>
          <DateTime value={c.createdAt} format={formatDateTime} />
          {c.stream ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">streamed</span> : null}
        </div>
      </header>

      {c.textRepaired ? (
        <Alert tone="info" title="Some text was changed to be stored" className="mt-6">
          The call contained NUL characters or unpaired UTF-16 surrogates, which the database cannot store. The provider received the call unchanged; in what is
          shown here each of them was replaced with U+FFFD (�).
        </Alert>
      ) : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section id="request-heading" title="Request">
            {metadataOnly ? <BodiesNotStored explain /> : <RequestView readable={readable} rawJson={rawJson} />}
          </Section>
          <Section id="response-heading" title="Response">
            {c.error || isError(c.status) ? (
              <Alert tone="error" title={`The provider answered ${c.status}`} className="mb-3">
                <span className="[overflow-wrap:anywhere]">{c.error ?? "No error message was recorded."}</span>
              </Alert>
            ) : null}
            {metadataOnly ? (
              <BodiesNotStored />
            ) : c.responseText ? (
              <p className="max-h-[36rem] overflow-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2.5 font-mono text-[13px] leading-6 text-slate-800 [overflow-wrap:anywhere]">
                {c.responseText}
              </p>
            ) : (
              <p className="text-sm text-slate-500">No response text was recorded.</p>
            )}
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Section id="identity-heading" title="Prompt identity">
            <div className="flex items-center gap-2">
              <DecisionBadge decision={c.decision} />
              <span className="text-sm text-slate-600">{decisionDescription[c.decision]}</span>
            </div>
            {c.similarity !== null ? (
              <div className="mt-4">
                <div className="flex items-baseline justify-between text-xs">
                  <span className="font-medium text-slate-500" id="similarity-label">
                    Similarity to the nearest prompt
                  </span>
                  <span className="font-mono font-semibold tabular-nums text-slate-900">{c.similarity.toFixed(3)}</span>
                </div>
                <div
                  role="meter"
                  aria-labelledby="similarity-label"
                  aria-valuemin={0}
                  aria-valuemax={1}
                  aria-valuenow={Number(c.similarity.toFixed(3))}
                  className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100"
                >
                  <div className="h-full rounded-full bg-indigo-500" style={{ width: `${Math.max(0, Math.min(1, c.similarity)) * 100}%` }} />
                </div>
              </div>
            ) : null}
            <dl className="mt-4 space-y-3">
              {c.matchedPrompt ? (
                <Item label={c.decision === "variant" ? "Variant of" : "Matched prompt"} stacked>
                  <Link href={`/p/${c.matchedPrompt.slug}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {c.matchedPrompt.title}
                  </Link>
                </Item>
              ) : null}
              {c.matchedVersion ? <Item label="Rendered version">v{c.matchedVersion.number}</Item> : null}
              {c.resultPrompt && c.resultPrompt.id !== c.matchedPrompt?.id ? (
                <Item label="Used prompt" stacked>
                  <Link href={`/p/${c.resultPrompt.slug}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {c.resultPrompt.title}
                  </Link>
                </Item>
              ) : null}
              {c.detectedPrompt ? (
                <Item label="Detected prompt" stacked>
                  <Link href="/captures/detected" className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {c.detectedPrompt.title}
                  </Link>
                </Item>
              ) : null}
              {c.template ? (
                <Item label="Template" stacked>
                  <Link href={`/captures/templates/${c.template.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    View the template
                  </Link>
                </Item>
              ) : null}
              <Values label="Variable values" values={c.variableValues} />
              <Values label="Template values" values={c.templateValues} />
              {c.embeddingModel ? <Item label="Embedding model" mono>{c.embeddingModel}</Item> : null}
            </dl>
          </Section>

          <Section id="usage-heading" title="Usage and cost">
            <dl className="grid gap-x-4 sm:grid-cols-2 sm:gap-y-3">
              <Item label="Input tokens">{c.inputTokens === null ? null : formatTokens(c.inputTokens, c.tokensEstimated)}</Item>
              <Item label="Output tokens">{c.outputTokens === null ? null : formatTokens(c.outputTokens, c.tokensEstimated)}</Item>
              <Item label="Cached tokens">{c.cachedTokens === null ? null : formatInteger(c.cachedTokens)}</Item>
              <Item label="Total tokens">{totalTokens === null ? null : formatTokens(totalTokens, c.tokensEstimated)}</Item>
              <Item label="Cost">{c.costUsd === null ? <span title="No price for this model">Unknown</span> : formatCost(c.costUsd)}</Item>
              <Item label="Latency">{formatLatency(c.latencyMs)}</Item>
              <Item label="Time to first byte">{c.ttfbMs === null ? null : formatLatency(c.ttfbMs)}</Item>
            </dl>
            {c.tokensEstimated ? <p className="mt-3 text-xs text-slate-500">≈ Estimated from the text: the provider sent no usage.</p> : null}
          </Section>

          <Section id="details-heading" title="Details">
            <dl className="grid gap-x-4 sm:grid-cols-2 sm:gap-y-3">
              <Item label="Provider">{c.provider}</Item>
              <Item label="Capture mode">{c.captureMode}</Item>
              <Item label="User" mono>{c.endUser}</Item>
              <Item label="Session" mono>{c.sessionId}</Item>
              {properties.map(([k, v]) => (
                <Item key={k} label={k} mono>
                  {typeof v === "string" ? v : JSON.stringify(v)}
                </Item>
              ))}
              <div className="sm:col-span-2">
                <Item label="Capture ID" mono>{c.id}</Item>
              </div>
            </dl>
          </Section>
        </div>
      </div>
    </main>
  );
}
