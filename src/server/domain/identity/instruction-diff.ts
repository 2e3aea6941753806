// Word-level comparison of two instruction texts for identity decisions (decide.ts). Differences a
// person would not call an edit are folded away first: case, punctuation, whitespace, list markup,
// contractions, numerals written as words, typos and spelling variants (one or two letters in a
// longer word), words split or joined, sentences moved. What is left is the edit, measured by how
// much of each text it touches and whether it reaches numbers. Pure and bounded: long texts are
// cut to MAX_TOKENS and the diff gives up past MAX_EDITS.
import { diffArrays } from "diff";

const MAX_TOKENS = 3000;
const MAX_EDITS = 1500;

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan[’']t\b/g, "can not"], [/\bcannot\b/g, "can not"], [/\bwon[’']t\b/g, "will not"], [/\bshan[’']t\b/g, "shall not"],
  [/\b(\w+)n[’']t\b/g, "$1 not"], [/\b(it|that|there|what|here|who)[’']s\b/g, "$1 is"], [/\blet[’']s\b/g, "let us"],
  [/\b(\w+)[’']re\b/g, "$1 are"], [/\b(\w+)[’']ll\b/g, "$1 will"], [/\b(\w+)[’']ve\b/g, "$1 have"], [/\bi[’']m\b/g, "i am"],
];

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const ORDINALS: Record<string, string> = {
  first: "1st", second: "2nd", third: "3rd", fourth: "4th", fifth: "5th", sixth: "6th", seventh: "7th", eighth: "8th", ninth: "9th", tenth: "10th",
};
/** Words that change nothing when added or dropped. */
const FILLER = new Set(["please", "kindly", "the", "a", "an", "just"]);

const isNumberWord = (w: string) => w in UNITS || w in TENS || w in SCALES;

/** Runs of number words ("one hundred and fifty", "twenty five") become digits. */
function foldNumberWords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    if (!isNumberWord(words[i]) || words[i] in SCALES) {
      out.push(ORDINALS[words[i]] ?? words[i]);
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    for (; j < words.length; j++) {
      const w = words[j];
      if (w in UNITS) current += UNITS[w];
      else if (w in TENS) current += TENS[w];
      else if (w === "hundred") current = (current || 1) * 100;
      else if (w in SCALES) {
        total += (current || 1) * SCALES[w];
        current = 0;
      } else if (w === "and" && j + 1 < words.length && (words[j + 1] in UNITS || words[j + 1] in TENS) && (words[j - 1] === "hundred" || words[j - 1] in SCALES)) continue;
      else break;
    }
    out.push(String(total + current));
    i = j;
  }
  return out;
}

/** The sentences of a text (lines, and sentence ends followed by a space), each as its words with formatting folded away. */
export function identitySentences(text: string): string[][] {
  let t = text.normalize("NFKC").toLowerCase().replace(/[‘’`´]/g, "'");
  for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  t = t
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/%/g, " percent ")
    .replace(/&/g, " and ");
  const sentences: string[][] = [];
  let count = 0;
  for (const raw of t.split(/\n+|(?<=[.!?;:])\s+/)) {
    if (/^\s*\(?(?:\d{1,2}|[a-h])[.):;!]?\s*$/.test(raw)) continue; // a list number split off its item
    // List markers and headings: "- ", "1. ", "(a) ", "## ", and "1 " once punctuation is gone.
    const line = raw.replace(/^\s*(?:[-*•+>]+|\(?\d{1,2}[.):;!]?|\(?[a-h][.)]|#+)\s+(?=\S)/u, "");
    const words = foldNumberWords(line.replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean));
    if (words.length === 0) continue;
    sentences.push(words.slice(0, MAX_TOKENS - count));
    count += words.length;
    if (count >= MAX_TOKENS) break;
  }
  return sentences;
}

export const identityTokens = (text: string): string[] => identitySentences(text).flat();

/** B's sentences that A has word for word, put in A's order (unmatched ones follow their predecessor): reordering is not an edit. */
function alignOrder(a: string[][], b: string[][]): string[] {
  const position = new Map<string, number>();
  a.forEach((s, i) => {
    const key = s.join(" ");
    if (!position.has(key)) position.set(key, i);
  });
  let last = -1;
  const keyed = b.map((s, i) => {
    const at = position.get(s.join(" "));
    if (at !== undefined) last = at;
    return { s, key: at ?? last + 0.5, i };
  });
  keyed.sort((x, y) => x.key - y.key || x.i - y.i);
  return keyed.flatMap((k) => k.s);
}

const isNumeric = (w: string) => /\d/.test(w);

/** Optimal string alignment distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** A typo or a spelling variant: one edit in a word of 4+ letters, two in 8+, never in numbers or the first letter. */
export function typoEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (isNumeric(a) || isNumeric(b)) return false;
  const len = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 3) return false;
  const sameStart = a[0] === b[0] || (a[0] === b[1] && a[1] === b[0]);
  if (!sameStart) return false;
  const allowed = len >= 8 ? 2 : len >= 4 ? 1 : 0;
  if (allowed === 0) return a.length === b.length && editDistance(a, b, 1) === 1 && [...a].sort().join() === [...b].sort().join();
  return editDistance(a, b, allowed) <= allowed;
}

export type InstructionDiff = {
  /** Words of the (cut) texts after folding. */
  lengthA: number;
  lengthB: number;
  /** Words of each side that the other does not have (after typos, moves, splits and filler are forgiven). */
  changedA: number;
  changedB: number;
  /** An edit touches a number (counts, limits, ages). */
  numbersChanged: boolean;
  /** Words changed on either side, for diagnostics. */
  removed: string[];
  added: string[];
  /** The diff gave up (too many edits): the texts are far apart. */
  tooDifferent: boolean;
};

type Hunk = { removed: string[]; added: string[] };

const joinedEqual = (a: string[], b: string[]) => a.length > 0 && b.length > 0 && typoEqual(a.join(""), b.join(""));

/** Compares two instruction texts word by word (see the header). */
export function diffInstructions(a: string, b: string): InstructionDiff {
  const sa = identitySentences(a);
  const ta = sa.flat();
  const tb = alignOrder(sa, identitySentences(b));
  const changes = diffArrays(ta, tb, { comparator: typoEqual, maxEditLength: MAX_EDITS });
  if (!changes) {
    return { lengthA: ta.length, lengthB: tb.length, changedA: ta.length, changedB: tb.length, numbersChanged: false, removed: [], added: [], tooDifferent: true };
  }
  // Hunks: runs of removed/added words between common runs.
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  for (const c of changes) {
    if (!c.added && !c.removed) {
      open = null;
      continue;
    }
    if (!open) hunks.push((open = { removed: [], added: [] }));
    (c.removed ? open.removed : open.added).push(...c.value);
  }
  // Forgive words split or joined ("e mail" / "email"), and filler words.
  let pending = hunks.filter((h) => !joinedEqual(h.removed, h.added));
  pending = pending
    .map((h) => ({ removed: h.removed.filter((w) => !FILLER.has(w)), added: h.added.filter((w) => !FILLER.has(w)) }))
    .filter((h) => h.removed.length + h.added.length > 0);
  // Forgive moved runs: 3+ words removed in one place and added in another (reordered sentences).
  const { removed, added } = cancelMoves(pending.flatMap((h) => h.removed), pending.flatMap((h) => h.added));
  const numbersChanged = removed.some(isNumeric) || added.some(isNumeric);
  return { lengthA: ta.length, lengthB: tb.length, changedA: removed.length, changedB: added.length, numbersChanged, removed, added, tooDifferent: false };
}

/** Moved runs cancelled pass by pass: a diff keeps order, so each pass finds the runs of one order. */
function cancelMoves(removedWords: string[], addedWords: string[]): { removed: string[]; added: string[] } {
  let left = { removed: removedWords, added: addedWords };
  for (let pass = 0; pass < 4; pass++) {
    const next = cancelMovesOnce(left.removed, left.added);
    if (next.removed.length === left.removed.length) return next;
    left = next;
  }
  return left;
}

/** Words left after a second diff between everything removed and everything added drops common runs of 3+ words. */
function cancelMovesOnce(removedWords: string[], addedWords: string[]): { removed: string[]; added: string[] } {
  if (removedWords.length < 3 || addedWords.length < 3) return { removed: removedWords, added: addedWords };
  const changes = diffArrays(removedWords, addedWords, { comparator: typoEqual, maxEditLength: MAX_EDITS });
  if (!changes) return { removed: removedWords, added: addedWords };
  const removed: string[] = [];
  const added: string[] = [];
  for (const c of changes) {
    if (c.removed) removed.push(...c.value);
    else if (c.added) added.push(...c.value);
    else if (c.value.length < 3) {
      // A short common run is a coincidence, not a move: it stays an edit on both sides.
      removed.push(...c.value);
      added.push(...c.value);
    }
  }
  return { removed, added };
}
