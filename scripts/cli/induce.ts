// `npm run cli -- induce --input FILE [--threshold 0.8] [--json]`: template induction over a file,
// with no server and no database. FILE has one prompt per line, or is JSONL with a string `text`
// per line (detected when every non-empty line is such an object). A member index is the line's
// position among the file's lines (0-based, blank lines included); blank lines are unclustered.
import { readFileSync } from "node:fs";
import { DEFAULT_THRESHOLD, induceTemplates } from "../../src/server/domain/templates/induction/induce-templates";
import type { InductionResult } from "../../src/server/domain/templates/induction/types";

export type InduceOutcome = { usage: string } | { result: InductionResult; text: string; format: "lines" | "jsonl" };

/** Lines of a file and the prompt on each (null for a blank line), and which format it was. */
export function readPrompts(content: string): { prompts: Array<string | null>; format: "lines" | "jsonl" } {
  const lines = content.split("\n").map((l) => l.replace(/\r$/, ""));
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const nonBlank = lines.filter((l) => l.trim() !== "");
  const parsed = nonBlank.map((l) => {
    try {
      const value: unknown = JSON.parse(l);
      return value && typeof value === "object" && !Array.isArray(value) && typeof (value as { text?: unknown }).text === "string" ? (value as { text: string }).text : null;
    } catch {
      return null;
    }
  });
  if (nonBlank.length > 0 && parsed.every((t) => t !== null)) {
    let k = 0;
    return { format: "jsonl", prompts: lines.map((l) => (l.trim() === "" ? null : (parsed[k++] as string))) };
  }
  return { format: "lines", prompts: lines.map((l) => (l.trim() === "" ? null : l)) };
}

function summary(result: InductionResult, lines: number, format: string, threshold: number, ms: number): string {
  const clustered = result.templates.reduce((sum, t) => sum + t.members.length, 0);
  const out = [`${lines} lines (${format}), threshold ${threshold}: ${result.templates.length} templates covering ${clustered} prompts, ${result.unclustered.length} unclustered (${ms} ms).`];
  result.templates.forEach((t, i) => {
    const shell = t.template.length > 400 ? `${t.template.slice(0, 400)}…` : t.template;
    out.push("", `Template ${i + 1}: ${t.members.length} prompts (lines ${t.members.slice(0, 12).join(", ")}${t.members.length > 12 ? ", …" : ""})`);
    out.push(`  variables: ${t.variables.join(", ") || "(none)"}`);
    out.push(...shell.split("\n").map((l) => `  | ${l}`));
    const example = t.values[0];
    if (example) {
      for (const name of t.variables) {
        const v = example[name].replace(/\s+/g, " ");
        out.push(`  e.g. ${name} = ${JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v)}`);
      }
    }
  });
  if (result.unclustered.length) {
    out.push("", `Unclustered lines: ${result.unclustered.slice(0, 50).join(", ")}${result.unclustered.length > 50 ? ", …" : ""}`);
  }
  return out.join("\n");
}

export function induceFile(args: { input?: string; threshold?: string }): InduceOutcome {
  if (!args.input) return { usage: "--input: required (a file with one prompt per line, or JSONL with a `text` field)" };
  let threshold = DEFAULT_THRESHOLD;
  if (args.threshold !== undefined) {
    threshold = Number(args.threshold);
    if (args.threshold.trim() === "" || !Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
      return { usage: `--threshold: must be a number greater than 0 and at most 1 (got "${args.threshold}")` };
    }
  }
  let content: string;
  try {
    content = readFileSync(args.input, "utf8");
  } catch (error) {
    return { usage: `--input: cannot read ${args.input} (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const started = Date.now();
  const { prompts, format } = readPrompts(content);
  const lineOf: number[] = [];
  const texts: string[] = [];
  prompts.forEach((p, line) => {
    if (p === null) return;
    lineOf.push(line);
    texts.push(p);
  });
  const induced = induceTemplates(texts, { threshold });
  const blank = prompts.flatMap((p, line) => (p === null ? [line] : []));
  const result: InductionResult = {
    templates: induced.templates.map((t) => ({ ...t, members: t.members.map((m) => lineOf[m]) })),
    unclustered: [...induced.unclustered.map((m) => lineOf[m]), ...blank].sort((a, b) => a - b),
  };
  return { result, format, text: summary(result, prompts.length, format, threshold, Date.now() - started) };
}
