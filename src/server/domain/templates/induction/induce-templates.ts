// Template induction (pure): prompts that share a shell at similarity >= threshold form a
// template; the shell is the longest common subsequence of the members' tokens and the spans where
// members differ are its {{variables}}, with each member's values cut verbatim from its text.
//
// 1. Identical texts are induced once (a cluster still needs two distinct members).
// 2. A shallow prefix tree splits the corpus into groups (prefix-groups.ts).
// 3. Per group, candidate constants: tokens in a 3-token shingle that recurs in enough of the
//    group, looking only at the head and tail of long prompts (skeleton.ts), then greedy
//    clustering against LCS patterns (clustering.ts).
// 4. Clusters with similar patterns merge across groups (merge-clusters.ts).
// 5. Per cluster: constants at the edges of every value move into the shell, values cut apart by
//    a slot edge are made whole again (refine-pattern.ts); shells that are mostly variables are
//    rejected; refined shells that are now alike merge again.
// 6. Prompts left over, and members of small templates, join a larger template whose shell they
//    fit exactly; what is still left goes through 3-5 again, grouped by its last tokens.
// 7. Slots are named and values cut (extract-values.ts, name-variables.ts).
import { clusterPrompts } from "./clustering";
import { layoutShell, renderShell, slotTexts, valueOf } from "./extract-values";
import { mergeClusters } from "./merge-clusters";
import { nameVariables } from "./name-variables";
import { prefixGroups } from "./prefix-groups";
import { refinePattern } from "./refine-pattern";
import { constantCount, fitSegments, segmentsOf, slotCount, type Pattern } from "./shell";
import { skeletons } from "./skeleton";
import { tokenizePrompt, Vocabulary, type TokenizedPrompt } from "./tokenizer";
import type { InducedTemplate, InductionOptions, InductionResult } from "./types";
import { splitOutliers } from "./split-outliers";
import { appendAll } from "./append-all";

export const DEFAULT_THRESHOLD = 0.8;

/**
 * A shell must keep real constant text: slots, at least three constant tokens and two words, twice
 * as many constants as slots, and a fair share of its members' tokens, or else (long values) at
 * least MIN_CONSTANTS tokens and four times as many constants as slots; otherwise it is "mostly
 * variables" and not a template.
 */
export function isTemplateShell(pattern: Pattern, words: number, meanTokens: number): boolean {
  const constants = constantCount(pattern);
  const slots = slotCount(pattern);
  if (slots === 0 || constants < 3 || words < 2 || constants < 2 * slots) return false;
  if (constants >= MIN_SHARE * meanTokens) return true;
  // Mostly values (a long document, say): the shell must still be a real instruction, not a few
  // phrases that happen to recur between values.
  return constants >= MIN_CONSTANTS && constants >= 4 * slots;
}

const MIN_CONSTANTS = 8;
const SMALL_TEMPLATE = 20;
const MIN_SHARE = 0.4;

function wordCount(pattern: Pattern, vocabulary: Vocabulary): number {
  let n = 0;
  for (const id of pattern) if (id >= 0 && /[\p{L}\p{N}]/u.test(vocabulary.words[id])) n++;
  return n;
}

type Shell = { pattern: Pattern; members: number[] };

/**
 * Clusters each group, merges similar clusters, refines their shells and keeps those that are
 * templates (merging refined shells that are now alike); the members of the others are leftovers.
 */
function induceShells(prompts: TokenizedPrompt[], groups: number[][], vocabulary: Vocabulary, threshold: number): { accepted: Shell[]; leftovers: number[] } {
  const clusters = mergeClusters(
    groups.flatMap((group) => clusterPrompts(prompts, group, skeletons(prompts, group), threshold)),
    threshold,
  );
  const isShell = (pattern: Pattern, members: number[]) =>
    isTemplateShell(pattern, wordCount(pattern, vocabulary), members.reduce((sum, m) => sum + prompts[m].ids.length, 0) / members.length);
  const accepted: Shell[] = [];
  const leftovers: number[] = [];
  for (const cluster of clusters) {
    const pattern = cluster.members.length < 2 ? null : refinePattern(cluster.pattern, prompts, cluster.members, vocabulary);
    if (pattern && isShell(pattern, cluster.members)) accepted.push({ pattern, members: [...cluster.members] });
    else appendAll(leftovers, cluster.members);
  }
  // Refined shells are cleaner than the clustering's patterns (values no longer frozen in them):
  // templates whose shells are now alike merge, and a merged shell is refined again (only what
  // merged: refining a refined shell would pull a folded value's shared edges, a JSON record's
  // braces, back out).
  const remerged = mergeClusters(
    accepted.map((a) => ({ pattern: a.pattern, constants: constantCount(a.pattern), segments: null, members: a.members })),
    threshold,
  );
  const refined = new Set(accepted.map((a) => a.pattern));
  const out: Shell[] = [];
  for (const cluster of remerged) {
    const pattern = refined.has(cluster.pattern) ? cluster.pattern : refinePattern(cluster.pattern, prompts, cluster.members, vocabulary);
    if (isShell(pattern, cluster.members)) out.push({ pattern, members: cluster.members });
    else appendAll(leftovers, cluster.members);
  }
  return { accepted: out, leftovers };
}

export function induceTemplates(texts: string[], opts: InductionOptions = {}): InductionResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  return splitOutliers(texts, induceOnce(texts, threshold), (subset) => induceTemplates(subset, opts));
}

function induceOnce(texts: string[], threshold: number): InductionResult {

  // Distinct texts (by whitespace-normalised content) and the inputs behind each.
  const byKey = new Map<string, number>();
  const inputsOf: number[][] = [];
  const distinct: string[] = [];
  texts.forEach((text, index) => {
    const key = text.trim().replace(/\s+/g, " ");
    let d = byKey.get(key);
    if (d === undefined) {
      d = distinct.length;
      byKey.set(key, d);
      distinct.push(text);
      inputsOf.push([]);
    }
    inputsOf[d].push(index);
  });

  const vocabulary = new Vocabulary();
  const prompts: TokenizedPrompt[] = distinct.map((text) => tokenizePrompt(text, vocabulary));
  const all = prompts.map((_p, i) => i);
  const { accepted, leftovers } = induceShells(prompts, prefixGroups(prompts, all), vocabulary, threshold);
  accepted.sort((a, b) => b.members.length - a.members.length);
  const acceptedSegments = accepted.map((a) => segmentsOf(a.pattern));
  // A member of a small template that fits a larger template at least as specific (as many
  // constants) belongs there: the small one was a few prompts sharing a value's phrases.
  const constantsOf = accepted.map((a) => constantCount(a.pattern));
  for (let i = accepted.length - 1; i > 0; i--) {
    if (accepted[i].members.length > SMALL_TEMPLATE) continue;
    accepted[i].members = accepted[i].members.filter((d) => {
      const k = acceptedSegments.findIndex((segments, j) => j < i && constantsOf[j] >= constantsOf[i] && fitSegments(segments, prompts[d].ids) !== null);
      if (k < 0) return true;
      accepted[k].members.push(d);
      return false;
    });
    if (accepted[i].members.length < 2) appendAll(leftovers, accepted[i].members.splice(0));
  }
  const remaining: number[] = [];
  for (const d of leftovers) {
    const k = acceptedSegments.findIndex((segments) => fitSegments(segments, prompts[d].ids) !== null);
    if (k >= 0) accepted[k].members.push(d);
    else remaining.push(d);
  }
  // What is still left is grouped again by its last tokens: a template whose prompts start with a
  // value (a document, then the instruction) shares no prefix, and among few prompts in the prefix
  // tree's catch-all group its instruction may not recur enough.
  if (remaining.length >= 2) {
    const reversed: TokenizedPrompt[] = [];
    for (const d of remaining) reversed[d] = { ...prompts[d], tokens: [...prompts[d].tokens].reverse() };
    appendAll(accepted, induceShells(prompts, prefixGroups(reversed, remaining), vocabulary, threshold).accepted);
  }

  const templates: InducedTemplate[] = [];
  const clustered = new Set<number>();
  for (const { pattern, members } of accepted) {
    const layout = layoutShell(pattern, prompts, members);
    if (layout.fitted.length < 2) continue;
    const slots = slotTexts(prompts, layout);
    const names = nameVariables(slots);
    const template = renderShell(prompts, layout, names);

    const rows: Array<{ input: number; values: Record<string, string> }> = [];
    for (const fitted of layout.fitted) {
      const values: Record<string, string> = {};
      names.forEach((name, k) => (values[name] = valueOf(prompts[fitted.member], fitted.spans[k])));
      for (const input of inputsOf[fitted.member]) rows.push({ input, values });
      clustered.add(fitted.member);
    }
    rows.sort((a, b) => a.input - b.input);
    templates.push({ template, variables: names, members: rows.map((r) => r.input), values: rows.map((r) => ({ ...r.values })) });
  }

  const unclustered: number[] = [];
  inputsOf.forEach((inputs, d) => {
    if (!clustered.has(d)) appendAll(unclustered, inputs);
  });
  unclustered.sort((a, b) => a - b);
  templates.sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
  return { templates, unclustered };
}
