// How evidence writes its figures: pass rates as whole percents, their colour, assertions in words.
import { ASSERTION_LABELS, type AssertionType } from "@/shared/harness/assertions";

export const formatPassRate = (rate: number | null) => (rate === null ? "no checks" : `${Math.round(rate * 100)}%`);

/** Green from 90%, amber from 60%, rose below: the same thresholds everywhere evidence is drawn. */
export function passTone(rate: number | null): { bar: string; text: string } {
  if (rate === null) return { bar: "bg-slate-300", text: "text-slate-500" };
  if (rate >= 0.9) return { bar: "bg-emerald-500", text: "text-emerald-700" };
  if (rate >= 0.6) return { bar: "bg-amber-500", text: "text-amber-700" };
  return { bar: "bg-rose-500", text: "text-rose-700" };
}

const clip = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** An assertion as a buyer reads it: `contains "summary"`, `latency ≤ 2000 ms`, `is JSON (with a schema)`. */
export function assertionText(type: AssertionType | string, value: unknown): string {
  switch (type) {
    case "latency":
      return `latency ≤ ${String(value)} ms`;
    case "cost":
      return `cost ≤ $${String(value)}`;
    case "is-json":
      return value && typeof value === "object" ? "is JSON matching a schema" : "is JSON";
    case "regex":
      return `matches /${clip(String(value ?? ""))}/`;
    case "llm-rubric":
      return `graded by a model: “${clip(String(value ?? ""))}”`;
    default: {
      const label = (ASSERTION_LABELS as Record<string, string>)[type] ?? type;
      return typeof value === "string" ? `${label} “${clip(value)}”` : label;
    }
  }
}
