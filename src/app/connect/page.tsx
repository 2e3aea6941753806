import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/captures/code-block";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ButtonLink } from "@/components/ui/button";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { siteOrigin } from "@/server/http/site-origin";
import { McpSection } from "./_components/mcp-section";
import { RuntimeSection } from "./_components/runtime-section";
import { SnippetTabs } from "./_components/snippet-tabs";
import { anthropicSnippets, openaiSnippets } from "./_components/snippets";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Connect your app" };

const Code = ({ children }: { children: ReactNode }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>;

const HEADERS: { name: string; example: string; what: ReactNode }[] = [
  { name: "x-promptuary-key", example: "pq_…", what: <>Required. Your Promptuary API key; without a valid key the call is refused with a 401 and nothing is forwarded.</> },
  { name: "x-promptuary-user", example: "user-123", what: <>Optional. The end user the call is made for, shown in the User column.</> },
  { name: "x-promptuary-session", example: "chat-42", what: <>Optional. Groups the calls of one conversation or job.</> },
  { name: "x-promptuary-property-<name>", example: "x-promptuary-property-feature: support", what: <>Optional, repeatable. Any label you want recorded with the call, shown on its detail page.</> },
  { name: "x-promptuary-capture", example: "metadata", what: <>Optional. <Code>metadata</Code> records timing, tokens and cost but not the request and response bodies.</> },
];

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-4">
      <span aria-hidden className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white">
        {n}
      </span>
      <div className="min-w-0 pt-0.5">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        <div className="mt-1 text-sm leading-6 text-slate-600">{children}</div>
      </div>
    </li>
  );
}

export default async function ConnectPage() {
  await requireSignedIn("/connect");
  const origin = await siteOrigin();
  const openaiBase = `${origin}/api/proxy/openai/v1`;
  const anthropicBase = `${origin}/api/proxy/anthropic`;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Connect your app</h1>
        <p className="mt-2 text-slate-600">
          Change one base URL and add one header. Your app keeps its own OpenAI or Anthropic key, every call goes through unchanged (streaming included),
          and each one shows up in <Link href="/captures" className="font-medium text-indigo-700 hover:underline">Captures</Link> with its latency, tokens
          and cost, matched to the prompts in your catalogue.
        </p>
      </header>

      <section aria-labelledby="steps-heading" className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <div>
          <h2 id="steps-heading" className="sr-only">
            How it works
          </h2>
          <ol className="space-y-6">
            <Step n={1} title="Create a Promptuary API key">
              Keys live in <Link href="/settings#api-keys-heading" className="font-medium text-indigo-700 hover:underline">Settings</Link>. Store it as{" "}
              <Code>PROMPTUARY_KEY</Code> next to your provider key.
            </Step>
            <Step n={2} title="Swap the base URL">
              Point the SDK at the Promptuary proxy instead of the provider. The OpenAI SDK&apos;s base URL includes <Code>/v1</Code>; the Anthropic SDK
              adds <Code>/v1/messages</Code> itself.
            </Step>
            <Step n={3} title="Send the x-promptuary-key header">
              Set it once as a default header. Your provider credential (<Code>Authorization</Code> or <Code>x-api-key</Code>) passes through untouched
              and is never stored.
            </Step>
          </ol>
          <div className="mt-6 flex flex-wrap gap-2">
            <ButtonLink href="/settings#api-keys-heading">Create an API key</ButtonLink>
            <ButtonLink href="/captures" variant="secondary">
              View captures
              <ArrowRightIcon />
            </ButtonLink>
          </div>
        </div>
        <div className="space-y-3">
          <CodeBlock title="OpenAI base URL" code={openaiBase} />
          <CodeBlock title="Anthropic base URL" code={anthropicBase} />
        </div>
      </section>

      <section aria-labelledby="openai-heading" className="mt-12">
        <h2 id="openai-heading" className="text-lg font-semibold text-slate-900">
          OpenAI
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          The <Code>openai</Code> package for Node and Python: chat completions, responses and embeddings all work through the proxy.
        </p>
        <SnippetTabs sdk="OpenAI" snippets={openaiSnippets(origin)} />
      </section>

      <section aria-labelledby="anthropic-heading" className="mt-12">
        <h2 id="anthropic-heading" className="text-lg font-semibold text-slate-900">
          Anthropic
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          The <Code>@anthropic-ai/sdk</Code> package for Node and <Code>anthropic</Code> for Python.
        </p>
        <SnippetTabs sdk="Anthropic" snippets={anthropicSnippets(origin)} />
      </section>

      <section aria-labelledby="headers-heading" className="mt-12">
        <h2 id="headers-heading" className="text-lg font-semibold text-slate-900">
          Headers
        </h2>
        <p className="mt-1 text-sm text-slate-600">Promptuary reads these and removes them before forwarding; the provider never sees them.</p>
        <div className="mt-4 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <dl className="divide-y divide-slate-100">
            {HEADERS.map((h) => (
              <div key={h.name} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,18rem)_minmax(0,1fr)] sm:gap-6">
                <dt className="font-mono text-[13px] font-semibold text-slate-900 [overflow-wrap:anywhere]">{h.name}</dt>
                <dd className="text-sm text-slate-600">
                  {h.what}
                  <span className="mt-0.5 block font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">e.g. {h.example}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <RuntimeSection origin={origin} />
      <McpSection origin={origin} />
    </main>
  );
}
