"use client";
import { useState, type ReactNode } from "react";
import type { DiffLine, DiffPart, TextDiff } from "@/shared/prompts/text-diff";

const CONTEXT = 3;
const MIN_FOLD = 8;

type Row = { type: "line"; line: DiffLine } | { type: "fold"; id: number; lines: DiffLine[] };

/** Long runs of unchanged lines fold away, keeping a few lines of context around each change. */
function foldUnchanged(lines: DiffLine[]): Row[] {
  const rows: Row[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== "same") {
      rows.push({ type: "line", line: lines[i++] });
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].kind === "same") j++;
    const run = lines.slice(i, j);
    const head = i === 0 ? 0 : CONTEXT;
    const tail = j === lines.length ? 0 : CONTEXT;
    if (run.length - head - tail >= MIN_FOLD) {
      run.slice(0, head).forEach((line) => rows.push({ type: "line", line }));
      rows.push({ type: "fold", id: i, lines: run.slice(head, run.length - tail) });
      run.slice(run.length - tail).forEach((line) => rows.push({ type: "line", line }));
    } else run.forEach((line) => rows.push({ type: "line", line }));
    i = j;
  }
  return rows;
}

/**
 * Word-level detail helps only when a line changed a little: whitespace between two changed words joins
 * them into one highlight, and a line that was mostly rewritten gets no word highlights at all.
 */
function wordHighlights(parts: DiffPart[] | undefined): DiffPart[] | null {
  if (!parts?.length) return null;
  const merged = parts.map((p, k) => {
    const changed = (q?: DiffPart) => Boolean(q && (q.added || q.removed));
    if (!changed(p) && /^\s+$/.test(p.value) && changed(parts[k - 1]) && changed(parts[k + 1])) return { ...p, added: parts[k - 1].added, removed: parts[k - 1].removed };
    return p;
  });
  const total = merged.reduce((n, p) => n + p.value.length, 0);
  const changed = merged.reduce((n, p) => n + (p.added || p.removed ? p.value.length : 0), 0);
  return total && changed / total <= 0.6 ? merged : null;
}

function Parts({ parts, tone }: { parts: DiffPart[]; tone: "added" | "removed" }) {
  return (
    <>
      {parts.map((p, k) =>
        p.added || p.removed ? (
          <span key={k} className={tone === "added" ? "rounded-sm bg-emerald-200/80 text-emerald-950" : "rounded-sm bg-rose-200/80 text-rose-950"}>
            {p.value}
          </span>
        ) : (
          <span key={k}>{p.value}</span>
        ),
      )}
    </>
  );
}

function LineRow({ line }: { line: DiffLine }) {
  const styles = {
    same: { row: "text-slate-500", sign: " ", gutter: "text-slate-400", sr: "" },
    added: { row: "bg-emerald-50 text-emerald-900", sign: "+", gutter: "bg-emerald-100/70 text-emerald-700", sr: "Added: " },
    removed: { row: "bg-rose-50 text-rose-900", sign: "-", gutter: "bg-rose-100/70 text-rose-700", sr: "Removed: " },
  }[line.kind];
  const oldNumber = line.kind === "added" ? "" : line.oldNumber;
  const newNumber = line.kind === "removed" ? "" : line.newNumber;
  let text: ReactNode = line.text === "" ? " " : line.text;
  const highlights = line.kind === "same" ? null : wordHighlights(line.parts);
  if (line.kind !== "same" && highlights) text = <Parts parts={highlights} tone={line.kind} />;
  return (
    <div className={`grid grid-cols-[2rem_2rem_1.25rem_1fr] sm:grid-cols-[2.75rem_2.75rem_1.25rem_1fr] ${styles.row}`} data-kind={line.kind}>
      <span className={`select-none px-1.5 text-right ${styles.gutter}`} aria-hidden>{oldNumber}</span>
      <span className={`select-none px-1.5 text-right ${styles.gutter}`} aria-hidden>{newNumber}</span>
      <span className="select-none text-center font-semibold" aria-hidden>{styles.sign}</span>
      <span className="whitespace-pre-wrap pr-3 [overflow-wrap:anywhere]">
        {styles.sr ? <span className="sr-only">{styles.sr}</span> : null}
        {text}
      </span>
    </div>
  );
}

/** A unified diff: + lines in green, - lines in red, word-level highlights inside changed lines. */
export function DiffView({ diff, fromLabel, toLabel }: { diff: TextDiff; fromLabel: string; toLabel: string }) {
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const rows = foldUnchanged(diff.lines);
  const identical = diff.added === 0 && diff.removed === 0;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs">
        <span className="font-mono text-slate-600">
          {fromLabel} → {toLabel}
        </span>
        <span className="font-mono font-semibold" aria-label={`${diff.added} lines added, ${diff.removed} lines removed`}>
          <span className="text-emerald-700">+{diff.added}</span> <span className="text-rose-700">−{diff.removed}</span>
        </span>
      </div>
      {identical ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">No differences: the two bodies are identical.</p>
      ) : null}
      <div className="overflow-x-auto py-1 font-mono text-[12.5px] leading-6">
        {rows.map((row, k) =>
          row.type === "line" ? (
            <LineRow key={k} line={row.line} />
          ) : expanded.has(row.id) ? (
            row.lines.map((line, m) => <LineRow key={`${k}-${m}`} line={line} />)
          ) : (
            <button
              key={k}
              type="button"
              onClick={() => setExpanded((s) => new Set(s).add(row.id))}
              className="block w-full bg-slate-100/70 px-3 py-0.5 text-left font-sans text-xs text-slate-500 hover:bg-slate-200/70 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              Show {row.lines.length} unchanged lines
            </button>
          ),
        )}
      </div>
    </div>
  );
}
