// First pass (Drain-like): a shallow prefix tree over the first tokens splits the corpus into
// groups that are compared only within themselves. At each depth a token that recurs in enough of
// the node's prompts gets its own branch; rare tokens and tokens holding digits (values: counts,
// ids, documents that start the prompt) share one wildcard branch. Groups that a value split
// (one branch per language, say) are joined again later by merging similar clusters.
import type { TokenizedPrompt } from "./tokenizer";

const DEPTH = 4;
const MAX_POSITION = 256;
const MIN_SHARE = 0.02;
const MIN_COUNT = 3;
const WILDCARD = "\u0000*";

/** `position`: the token compared; `depth`: how many times the tree has branched above this node. */
export function prefixGroups(prompts: TokenizedPrompt[], indices: number[], position = 0, depth = 0): number[][] {
  if (depth >= DEPTH || position >= MAX_POSITION || indices.length < 2 * MIN_COUNT) return [indices];
  const keyOf = (i: number) => {
    const token = prompts[i].tokens[position]?.text;
    return token === undefined ? "\u0000end" : /\d/.test(token) ? WILDCARD : token;
  };
  const counts = new Map<string, number>();
  for (const i of indices) counts.set(keyOf(i), (counts.get(keyOf(i)) ?? 0) + 1);
  const minimum = Math.max(MIN_COUNT, Math.ceil(MIN_SHARE * indices.length));
  const branches = new Map<string, number[]>();
  for (const i of indices) {
    let key = keyOf(i);
    if ((counts.get(key) ?? 0) < minimum) key = WILDCARD;
    const list = branches.get(key);
    if (list) list.push(i);
    else branches.set(key, [i]);
  }
  // A prefix every prompt of the node shares (a common preamble) costs no depth.
  if (branches.size === 1) return prefixGroups(prompts, indices, position + 1, depth);
  return [...branches.values()].flatMap((branch) => prefixGroups(prompts, branch, position + 1, depth + 1));
}
