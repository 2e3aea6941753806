import Link from "next/link";
import { ForkIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import type { LineageData } from "@/components/prompts/types";

type Node = LineageData["descendants"][number];

/** Descendants arrive breadth-first with a parent id; lay them out depth-first so children sit under their parent. */
function depthFirst(rootId: string, nodes: Node[]): Node[] {
  const children = new Map<string, Node[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: Node[] = [];
  const visit = (id: string) => {
    for (const child of children.get(id) ?? []) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(rootId);
  return out;
}

function NodeLink({ node, current = false }: { node: { slug: string; title: string; owner: { handle: string }; archived: boolean; canOpen: boolean }; current?: boolean }) {
  return (
    <span className="min-w-0 [overflow-wrap:anywhere]">
      {current ? (
        <span className="font-semibold text-slate-900" aria-current="page">
          {node.title}
        </span>
      ) : node.canOpen ? (
        <Link href={`/p/${node.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800 hover:underline">
          {node.title}
        </Link>
      ) : (
        <span className="font-medium text-slate-700">{node.title}</span>
      )}{" "}
      <span className="text-slate-500">@{node.owner.handle}</span>
      {node.archived ? <span className="ml-1 text-xs text-amber-700">(archived)</span> : null}
    </span>
  );
}

const currentRow = "rounded-md bg-indigo-50 px-2 py-1.5 ring-1 ring-inset ring-indigo-200";
const indent = (level: number) => ({ paddingLeft: `${0.5 + level * 0.75}rem` });

export function LineageSection({ lineage }: { lineage: LineageData }) {
  const { prompt, hiddenAncestor, counts } = lineage;
  const descendants = depthFirst(prompt.id, lineage.descendants);
  // Oldest first, so each parent sits above the fork taken from it and this prompt comes last.
  const chain = [...lineage.ancestors].reverse();
  const offset = hiddenAncestor ? 1 : 0;
  return (
    <section aria-labelledby="lineage-heading" id="lineage" className="scroll-mt-20">
      <h2 id="lineage-heading" className="text-lg font-semibold text-slate-900">
        Lineage
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
        <ForkIcon width={14} height={14} className="text-slate-400" />
        {plural(counts.directForks, "fork")}
        {counts.descendants > counts.directForks ? <span className="text-slate-500">· {counts.descendants} descendants in all</span> : null}
      </p>
      <p className="mt-0.5 text-xs text-slate-500">Counts the forks you can see below; private and unlisted forks of others are not shown.</p>

      <div className="mt-4 space-y-5 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xs">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Forked from</h3>
          {chain.length || hiddenAncestor ? (
            <ol className="mt-2 space-y-1" aria-label="Ancestors, original first">
              {hiddenAncestor ? (
                <li className="px-2 py-1 italic text-slate-500" style={indent(0)}>
                  a private prompt
                </li>
              ) : null}
              {chain.map((a, i) => {
                const level = i + offset;
                return (
                  <li key={a.id} className="px-2 py-1" style={indent(level)}>
                    {level > 0 ? (
                      <span className="mr-1 text-slate-400" aria-hidden>
                        ↳
                      </span>
                    ) : null}
                    {a.forkedFromVersionNumber ? <span className="text-slate-500">fork of v{a.forkedFromVersionNumber}: </span> : null}
                    <NodeLink node={a} />
                    {level === 0 ? <span className="ml-1 text-xs text-slate-400">(original)</span> : null}
                  </li>
                );
              })}
              <li className={currentRow} style={indent(chain.length + offset)}>
                <span className="mr-1 text-indigo-400" aria-hidden>
                  ↳
                </span>
                {prompt.forkedFromVersionNumber ? <span className="text-slate-500">fork of v{prompt.forkedFromVersionNumber}: </span> : null}
                <NodeLink node={prompt} current /> <span className="text-xs text-indigo-700">(this prompt)</span>
              </li>
            </ol>
          ) : (
            <p className="mt-2 text-slate-600">This is an original prompt, not a fork.</p>
          )}
        </div>

        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Forks of this prompt</h3>
          {descendants.length ? (
            <ul className="mt-2 space-y-1" aria-label="Descendants">
              <li className={currentRow}>
                <NodeLink node={prompt} current /> <span className="text-xs text-indigo-700">(this prompt)</span>
              </li>
              {descendants.map((d) => (
                <li key={d.id} className="py-1 pr-2" style={{ paddingLeft: `${0.5 + d.depth * 1}rem` }}>
                  <span className="mr-1 text-slate-400" aria-hidden>
                    └
                  </span>
                  <NodeLink node={d} />
                  {d.forkedFromVersionNumber ? <span className="ml-1 text-xs text-slate-400">from v{d.forkedFromVersionNumber}</span> : null}
                </li>
              ))}
              {lineage.truncated ? <li className="px-2 py-1 text-xs text-slate-500">…and more not shown.</li> : null}
            </ul>
          ) : (
            <p className="mt-2 text-slate-600">No forks yet. Fork it to start a branch of your own.</p>
          )}
        </div>
      </div>
    </section>
  );
}
