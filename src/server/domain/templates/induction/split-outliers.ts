// A last check on each template: a slot whose value is the same run of several words for most of
// its members is not a variable at all — it is text of the template that a few other prompts (often
// a single near-copy with different instructions) lack. Those prompts are outliers: they leave the
// template, whose shell is then induced again from the rest, and are clustered again among
// themselves. One-word values (a {{language}} that is mostly "French") are left alone.
import type { InducedTemplate, InductionResult } from "./types";
import { appendAll } from "./append-all";

const MIN_WORDS = 3;
const MAJORITY = 2 / 3;

const squash = (s: string) => s.trim().replace(/\s+/g, " ");

/** The members of `template` (input indices) that disagree with a several-word majority value. */
export function outlierMembers(template: InducedTemplate): Set<number> {
  const outliers = new Set<number>();
  const n = template.members.length;
  if (n < 3) return outliers;
  for (const name of template.variables) {
    const counts = new Map<string, number>();
    for (const values of template.values) {
      const v = squash(values[name] ?? "");
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let top = "";
    let topCount = 0;
    for (const [v, c] of counts) if (c > topCount) [top, topCount] = [v, c];
    if (topCount === n || topCount < Math.ceil(MAJORITY * n) || top.split(" ").length < MIN_WORDS) continue;
    template.values.forEach((values, i) => {
      if (squash(values[name] ?? "") !== top) outliers.add(template.members[i]);
    });
  }
  return outliers;
}

type Induce = (texts: string[]) => InductionResult;

/** Re-induces the templates that have outliers; `induce` is induceTemplates at the same threshold. */
export function splitOutliers(texts: string[], result: InductionResult, induce: Induce): InductionResult {
  const templates: InducedTemplate[] = [];
  const unclustered = [...result.unclustered];
  for (const template of result.templates) {
    const outliers = outlierMembers(template);
    if (outliers.size === 0) {
      templates.push(template);
      continue;
    }
    const keep = template.members.filter((m) => !outliers.has(m));
    for (const part of [keep, [...outliers].sort((a, b) => a - b)]) {
      const sub = induce(part.map((m) => texts[m]));
      for (const t of sub.templates) templates.push({ ...t, members: t.members.map((i) => part[i]) });
      appendAll(unclustered, sub.unclustered.map((i) => part[i]));
    }
  }
  unclustered.sort((a, b) => a - b);
  templates.sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
  return { templates, unclustered };
}
