import Link from "next/link";
import { categoryLabel } from "@/shared/prompts/categories";
import type { SimilarPromptData } from "@/components/prompts/types";

/**
 * "Similar prompts": the prompt's nearest neighbours by meaning among the prompts the viewer may
 * list (prompt.similar). `items` is null when the lookup failed, so the page still renders.
 */
export function SimilarPromptsSection({ items }: { items: SimilarPromptData[] | null }) {
  return (
    <section aria-labelledby="similar-heading" id="similar" className="scroll-mt-20" data-testid="similar-prompts">
      <h2 id="similar-heading" className="text-lg font-semibold text-slate-900">
        Similar prompts
      </h2>
      <p className="mt-0.5 text-xs text-slate-500">Close in meaning to this one, among the prompts you can see.</p>
      {items === null ? (
        <p className="mt-3 rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500 shadow-xs">Similar prompts cannot be shown right now.</p>
      ) : items.length ? (
        <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-xs" aria-label="Similar prompts">
          {items.map((p) => (
            <li key={p.id} className="px-4 py-2.5">
              <Link href={`/p/${p.slug}`} className="font-medium text-indigo-600 [overflow-wrap:anywhere] hover:text-indigo-800 hover:underline">
                {p.title}
              </Link>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-500">
                <span>@{p.owner.handle}</span>
                <span aria-hidden>·</span>
                <span>{categoryLabel(p.category)}</span>
                <span aria-hidden>·</span>
                <span className="tabular-nums" title="How close the two prompts are in meaning (cosine similarity of their embeddings)">
                  {Math.round(p.similarity * 100)}% similar
                </span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500 shadow-xs">No similar prompts yet.</p>
      )}
    </section>
  );
}
