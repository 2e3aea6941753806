"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { formatShortDateTime } from "@/components/ui/format-date";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

const FIRST_PAGE = 8;
const ALL = 200;

type Move = { name: string; fromNumber: number | null; toNumber: number | null; split: { number: number; percent: number } | null };

/** One move in words: "staging moved v1 → v3", "… split v3 70% / v4 30%", "staging removed (was v2)". */
function describeMove(m: Move) {
  if (m.toNumber === null) return <>removed (was v{m.fromNumber})</>;
  const target = m.split ? (
    <>
      v{m.toNumber} {100 - m.split.percent}% / v{m.split.number} {m.split.percent}%
    </>
  ) : (
    <>v{m.toNumber}</>
  );
  if (m.fromNumber === null) return <>set to {target}</>;
  if (m.fromNumber === m.toNumber) return <>split changed: {target}</>;
  return (
    <>
      moved v{m.fromNumber} → {target}
    </>
  );
}

/** Every move of the prompt's labels (production and latest too), newest first. */
export function LabelHistory({ promptId }: { promptId: string }) {
  const trpc = useTRPC();
  const [showAll, setShowAll] = useState(false);
  const history = useQuery(trpc.label.history.queryOptions({ promptId, limit: showAll ? ALL : FIRST_PAGE + 1 }));
  const moves = history.data ?? [];
  const shown = showAll ? moves : moves.slice(0, FIRST_PAGE);
  return (
    <div>
      <h3 id="label-history-heading" className="text-sm font-semibold text-slate-900">
        Label history
      </h3>
      {history.isError ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          Could not load the label history: {history.error.message}
        </p>
      ) : history.isPending ? (
        <p className="mt-2 text-sm text-slate-500">Loading…</p>
      ) : moves.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No label has moved yet.</p>
      ) : (
        <ol className="mt-2 space-y-1.5 text-sm" aria-labelledby="label-history-heading">
          {shown.map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span className="font-mono text-xs font-semibold text-slate-800">{m.name}</span>
              <span className="text-slate-700">{describeMove(m)}</span>
              <span className="text-xs text-slate-500">
                {m.actor?.handle ? <>by @{m.actor.handle} · </> : null}
                <DateTime value={m.createdAt} format={formatShortDateTime} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {!showAll && moves.length > FIRST_PAGE ? (
        <Button size="sm" variant="ghost" className="mt-2" onClick={() => setShowAll(true)}>
          Show the whole history
        </Button>
      ) : null}
    </div>
  );
}
