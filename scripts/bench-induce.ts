// Template induction benchmark over the evaluation sets of scripts/bench-data/induction/.
//
//   npm run bench:induce [-- --threshold 0.8] [--file some.jsonl] [--verbose]
//
// The sets (main, and the separately written holdout family) are generated from their seeds by
// generate.ts on each run, the same rows every time, so they are not kept in git; `npx tsx
// scripts/bench-data/induction/generate.ts` writes them as JSONL to read, and --file scores such
// files instead. It scores each set as log-template-mining
// benchmarks do: grouping accuracy (a prompt is right only when its predicted group, as a set of
// prompts, equals its true group; one-offs and unclustered prompts are singleton groups), exact
// template recovery (true templates whose shell some predicted shell equals, modulo variable names
// and whitespace), variable-value accuracy (values of recovered templates, slot by slot, modulo
// whitespace; prompts of unrecovered templates count as wrong), then times 1k and 10k prompts.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { generateSet, SETS, type Row } from "./bench-data/induction/generate";
import { MAIN } from "./bench-data/induction/templates";
import { induceTemplates } from "../src/server/domain/templates/induction/induce-templates";
import type { InductionResult } from "../src/server/domain/templates/induction/types";

const { values: args } = parseArgs({
  options: { threshold: { type: "string" }, file: { type: "string", multiple: true }, verbose: { type: "boolean", default: false } },
});
const threshold = args.threshold === undefined ? 0.8 : Number(args.threshold);
if (!(threshold > 0 && threshold <= 1)) {
  console.error("--threshold: must be a number greater than 0 and at most 1");
  process.exit(2);
}

const SLOT = /\{\{\s*\w+\s*\}\}/g;
const normShell = (s: string) => s.replace(SLOT, "{{}}").replace(/\s+/g, " ").trim();
const normValue = (s: string) => s.replace(/\s+/g, " ").trim();
const slotNames = (shell: string) => [...shell.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

function readRows(path: string): Row[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

type Score = { prompts: number; grouping: number; recovery: number; trueTemplates: number; recovered: number; valueAccuracy: number; ms: number };

export function score(rows: Row[], result: InductionResult, verbose: boolean): Omit<Score, "ms"> {
  const n = rows.length;
  const predicted = new Array<number>(n).fill(-1);
  result.templates.forEach((t, c) => t.members.forEach((m) => (predicted[m] = c)));
  const predKey = (i: number) => (predicted[i] >= 0 ? `p${predicted[i]}` : `u${i}`);
  const trueKey = (i: number) => (rows[i].template ? `t${rows[i].template}` : `o${i}`);
  const size = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    size.set(predKey(i), (size.get(predKey(i)) ?? 0) + 1);
    size.set(trueKey(i), (size.get(trueKey(i)) ?? 0) + 1);
    const k = `${predKey(i)}|${trueKey(i)}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let right = 0;
  for (let i = 0; i < n; i++) {
    const inter = both.get(`${predKey(i)}|${trueKey(i)}`) ?? 0;
    if (inter === size.get(predKey(i)) && inter === size.get(trueKey(i))) right++;
  }

  // True templates with at least two members (a template seen once is a one-off for scoring).
  const truth = new Map<string, { shell: string; members: number[] }>();
  rows.forEach((row, i) => {
    if (!row.template || !row.shell) return;
    const t = truth.get(row.template) ?? { shell: row.shell, members: [] };
    t.members.push(i);
    truth.set(row.template, t);
  });
  const predictedShells = new Map<string, number[]>();
  result.templates.forEach((t, c) => {
    const key = normShell(t.template);
    predictedShells.set(key, [...(predictedShells.get(key) ?? []), c]);
  });
  let recovered = 0;
  let trueTemplates = 0;
  let valuesRight = 0;
  let valuesTotal = 0;
  for (const [id, t] of truth) {
    const names = slotNames(t.shell);
    valuesTotal += names.length * t.members.length;
    if (t.members.length < 2) continue;
    trueTemplates++;
    const hits = predictedShells.get(normShell(t.shell));
    if (!hits) {
      if (verbose) {
        const c = predicted[t.members[0]];
        console.log(`  not recovered: ${id} (${t.members.length})\n    true: ${JSON.stringify(t.shell.slice(0, 300))}\n    got:  ${c >= 0 ? JSON.stringify(result.templates[c].template.slice(0, 300)) + ` (${result.templates[c].members.length} members)` : "unclustered"}`);
      }
      continue;
    }
    recovered++;
    for (const m of t.members) {
      const c = hits.find((h) => predicted[m] === h);
      if (c === undefined) continue;
      const tpl = result.templates[c];
      const predNames = slotNames(tpl.template);
      const vals = tpl.values[tpl.members.indexOf(m)];
      names.forEach((name, k) => {
        if (normValue(vals[predNames[k]] ?? "\u0000") === normValue(rows[m].values?.[name] ?? "")) valuesRight++;
        else if (verbose && valuesRight % 50 === 0) console.log(`    value ${id}.${name}: ${JSON.stringify(vals[predNames[k]]?.slice(0, 80))} != ${JSON.stringify(rows[m].values?.[name]?.slice(0, 80))}`);
      });
    }
  }
  return { prompts: n, grouping: right / n, recovery: trueTemplates ? recovered / trueTemplates : 1, trueTemplates, recovered, valueAccuracy: valuesTotal ? valuesRight / valuesTotal : 1 };
}

function run(name: string, rows: Row[]): Score {
  const started = performance.now();
  const result = induceTemplates(
    rows.map((r) => r.text),
    { threshold },
  );
  const ms = performance.now() - started;
  const s = { ...score(rows, result, args.verbose), ms };
  console.log(
    `${name.padEnd(10)} ${String(s.prompts).padStart(6)} prompts  grouping ${s.grouping.toFixed(3)}  template recovery ${s.recovery.toFixed(3)} (${s.recovered}/${s.trueTemplates})  values ${s.valueAccuracy.toFixed(3)}  ${(s.ms / 1000).toFixed(2)} s  (${result.templates.length} templates, ${result.unclustered.length} unclustered)`,
  );
  return s;
}

console.log(`threshold ${threshold}`);
if (args.file?.length) for (const path of args.file) run(path, readRows(path));
else {
  for (const [name, make] of Object.entries(SETS)) run(name, make());
  for (const count of [1000, 10000]) run(`time ${count / 1000}k`, generateSet(MAIN, 7 + count, count));
}
