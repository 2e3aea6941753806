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

function NodeLink({ node, current = false }: { node: { slug: string; title: string; owner: { handle: string } }; current?: boolean }) {
  return (
    <span className="min-w-0">
      {current ? (
        <span className="font-semibold text-slate-900" aria-current="page">
          {node.title}
        </span>
      ) : (
        <Link href={`/p/${node.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800 hover:underline">
          {node.title}
        </Link>
      )}{" "}
      <span className="text-slate-500">@{node.owner.handle}</span>
    </span>
  );
}

const currentRow = "rounded-md bg-indigo-50 px-2 py-1.5 ring-1 ring-inset ring-indigo-200";

export function LineageSection({ lineage, forkCount }: { lineage: LineageData; forkCount: number }) {
  const { prompt, ancestors, hiddenAncestor } = lineage;
  const descendants = depthFirst(prompt.id, lineage.descendants);
  return (
    <section aria-labelledby="lineage-heading" id="lineage" className="scroll-mt-20">
      <h2 id="lineage-heading" className="text-lg font-semibold text-slate-900">
        Lineage
      </h2>
      <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-600">
        <ForkIcon width={14} height={14} className="text-slate-400" />
        {plural(forkCount, "fork")}
        {descendants.length > forkCount ? <span className="text-slate-500">· {descendants.length} descendants in all</span> : null}
      </p>

      <div className="mt-4 space-y-5 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xs">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Forked from</h3>
          {ancestors.length || hiddenAncestor ? (
            <ol className="mt-2 space-y-1" aria-label="Ancestors, nearest first">
              <li className={currentRow}>
                <NodeLink node={prompt} current /> <span className="text-xs text-indigo-700">(this prompt)</span>
              </li>
              {ancestors.map((a, i) => {
                const takenFrom = (i === 0 ? prompt : ancestors[i - 1]).forkedFromVersionNumber;
                return (
                  <li key={a.id} className="px-2 py-1" style={{ paddingLeft: `${0.5 + (i + 1) * 0.75}rem` }}>
                    <span className="mr-1 text-slate-400" aria-hidden>
                      ↳
                    </span>
                    <span className="text-slate-500">{takenFrom ? `v${takenFrom} of ` : ""}</span>
                    <NodeLink node={a} />
                    {i === ancestors.length - 1 && !hiddenAncestor ? <span className="ml-1 text-xs text-slate-400">(original)</span> : null}
                  </li>
                );
              })}
              {hiddenAncestor ? (
                <li className="px-2 py-1 italic text-slate-500" style={{ paddingLeft: `${0.5 + (ancestors.length + 1) * 0.75}rem` }}>
                  <span className="mr-1 not-italic text-slate-400" aria-hidden>
                    ↳
                  </span>
                  a private prompt
                </li>
              ) : null}
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
            </ul>
          ) : (
            <p className="mt-2 text-slate-600">No forks yet. Fork it to start a branch of your own.</p>
          )}
        </div>
      </div>
    </section>
  );
}
