// Generates the induction evaluation set: prompts rendered from the template families in
// templates.ts with seeded random values, plus one-off prompts that belong to no template.
//   npx tsx scripts/bench-data/induction/generate.ts   (writes main.jsonl and holdout.jsonl here, to read;
//   not kept in git: `npm run bench:induce` generates the same rows from the seeds on each run)
// Each JSONL row: {"text", "template" (id, or null for a one-off), "shell", "values"}.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { HOLDOUT, MAIN, type TemplateSpec } from "./templates";
import { int, pick, rng, sentence, topic, type Rng } from "./values";

export type Row = { text: string; template: string | null; shell: string | null; values: Record<string, string> | null };

function render(shell: string, values: Record<string, string>): string {
  return shell.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name]);
}

const WORDS = "we should maybe consider the budget garden launch river quickly because every small team needs better tools and clear goals while customers wait for answers about pricing shipping delays weather music history science football coffee recipes trains poetry taxes moving apartments cats dogs painting guitar marathon sleep vitamins startup funding interview resume salary negotiation holiday gifts wedding speech birthday party neighbours noise".split(" ");

/** Prompts that belong to no template: free-form word salad in varied shapes, each distinct. */
function oneOff(r: Rng, n: number): string {
  const words = (k: number) => Array.from({ length: k }, () => pick(r, WORDS)).join(" ");
  const forms = [
    () => `${words(int(r, 4, 14))}?`,
    () => `${words(int(r, 3, 8))}, ${words(int(r, 3, 8))}. ${words(int(r, 2, 6))}!`,
    () => `${words(int(r, 2, 5))} ${pick(r, ["how", "why", "when", "where", "can"])} ${words(int(r, 3, 9))}?`,
    () => `${topic(r)}: ${words(int(r, 6, 20))} (${n})`,
    () => `${sentence(r)} ${words(int(r, 5, 12))}`,
  ];
  return pick(r, forms)();
}

export function generateSet(family: TemplateSpec[], seed: number, count: number, oneOffShare = 0.06): Row[] {
  const r = rng(seed);
  const totalWeight = family.reduce((s, t) => s + t.weight, 0);
  const rows: Row[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (rows.length < count && guard++ < count * 20) {
    if (r() < oneOffShare) {
      const text = oneOff(r, rows.length);
      if (seen.has(text)) continue;
      seen.add(text);
      rows.push({ text, template: null, shell: null, values: null });
      continue;
    }
    let x = r() * totalWeight;
    const spec = family.find((t) => (x -= t.weight) < 0) ?? family[family.length - 1];
    const values = spec.fill(r);
    const text = render(spec.shell, values);
    if (seen.has(text)) continue;
    seen.add(text);
    rows.push({ text, template: spec.id, shell: spec.shell, values });
  }
  return rows;
}

export const SETS = {
  main: () => generateSet(MAIN, 13, 3000),
  holdout: () => generateSet(HOLDOUT, 4242, 1500),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const [name, make] of Object.entries(SETS)) {
    const rows = make();
    writeFileSync(join(dir, `${name}.jsonl`), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
    console.log(`${name}.jsonl: ${rows.length} prompts`);
  }
}
