import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/captures/code-block";
import { McpConfigTabs } from "./mcp-config-tabs";
import { MCP_TOOLS, mcpEditorSetups } from "./mcp-configs";

const Code = ({ children }: { children: ReactNode }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>;
const linkClass = "font-medium text-indigo-700 hover:underline";

/** The Connect page's MCP section: the endpoint, each editor's configuration, and the tools. */
export function McpSection({ origin }: { origin: string }) {
  return (
    <section aria-labelledby="mcp-heading" className="mt-12">
      <h2 id="mcp-heading" className="text-lg font-semibold text-slate-900">
        Editors and agents (MCP)
      </h2>
      <div className="mt-1 max-w-3xl space-y-2 text-sm leading-6 text-slate-600">
        <p>
          Promptuary serves the Model Context Protocol, so Claude Desktop, Cursor, VS Code and other MCP clients can use your prompts. Your{" "}
          <Link href="/favorites" className={linkClass}>
            favourites
          </Link>
          , the{" "}
          <Link href="/collections" className={linkClass}>
            collections
          </Link>{" "}
          you chose for tools and your organisations&apos; approved prompts appear as prompts, named by slug, with their variables as arguments.
        </p>
        <p>
          Use an <Link href="/settings#api-keys-heading" className={linkClass}>API key</Link> with the <Code>read</Code> scope. Editors that start a local
          process run <Code>npm run --silent cli -- mcp</Code> from a checkout of Promptuary, with <Code>PROMPTUARY_KEY</Code> and{" "}
          <Code>PROMPTUARY_URL</Code> set. Every use is counted in your analytics under MCP.
        </p>
      </div>
      <div className="mt-4 max-w-xl">
        <CodeBlock title="MCP endpoint (Streamable HTTP)" code={`${origin}/api/mcp`} />
      </div>
      <div className="mt-6">
        <McpConfigTabs setups={mcpEditorSetups(origin)} />
      </div>
      <h3 className="mt-6 text-sm font-semibold text-slate-900">Tools</h3>
      <div className="mt-2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <dl className="divide-y divide-slate-100">
          {MCP_TOOLS.map((tool) => (
            <div key={tool.name} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,18rem)_minmax(0,1fr)] sm:gap-6">
              <dt className="font-mono text-[13px] font-semibold text-slate-900">
                {tool.name}
                <span className="block text-xs font-normal text-slate-500">({tool.args})</span>
              </dt>
              <dd className="text-sm text-slate-600">{tool.what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
