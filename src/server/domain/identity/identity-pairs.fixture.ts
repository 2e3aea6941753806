// Labelled pairs for identity decisions (bench:identity, decide.test.ts): a seeded generator over
// identity-bases.fixture.ts plus hand-written pairs (hand-pairs.fixture.ts). `a` is the library
// prompt, `b` the captured identity text, `truth` what a person would call it:
//   same:    formatting, casing, punctuation, whitespace, typos, numerals as words, list markup, reordered sentences
//   variant: edited constraints, counts, targets, tone, added / removed / rewritten requirements (one edit or several)
//   new:     a different task, alone or wrapped in the same boilerplate, or from the same domain
// Two halves: "tuning" (even bases, the first requirement pool, even hand-written pairs) and "heldout"
// (odd bases, the second pool, odd hand-written pairs). Thresholds and rules are tuned on "tuning" only.
import { BASE_PROMPTS, POSTAMBLES, PREAMBLES, type BasePrompt } from "./identity-bases.fixture";
import { HAND_PAIRS } from "./hand-pairs.fixture";

export type IdentityTruth = "same" | "variant" | "new";
export type Half = "tuning" | "heldout";
export type LabelledPair = { id: string; half: Half; truth: IdentityTruth; kind: string; a: string; b: string };

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function shuffle<T>(r: Rand, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering sentences as a prompt: several layouts, all "the same" text.

type Layout = "lines" | "paragraph" | "bullets" | "numbered" | "blank-lines";
function render(sentences: string[], layout: Layout): string {
  switch (layout) {
    case "lines": return sentences.join("\n");
    case "paragraph": return sentences.join(" ");
    case "bullets": return [sentences[0], ...sentences.slice(1).map((s) => `- ${s}`)].join("\n");
    case "numbered": return [sentences[0], ...sentences.slice(1).map((s, i) => `${i + 1}. ${s}`)].join("\n");
    case "blank-lines": return sentences.join("\n\n");
  }
}
const LAYOUTS: Layout[] = ["lines", "paragraph", "bullets", "numbered", "blank-lines"];

// ---------------------------------------------------------------------------------------------
// "same" edits

const SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
function numberWords(n: number, r: Rand): string {
  if (n < 20) return SMALL_NUMBERS[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? (r() < 0.5 ? "-" : " ") + SMALL_NUMBERS[n % 10] : "");
  if (n < 1000) {
    const rest = n % 100;
    return `${SMALL_NUMBERS[Math.floor(n / 100)]} hundred${rest ? (r() < 0.5 ? " and " : " ") + numberWords(rest, r) : ""}`;
  }
  return String(n);
}

function numeralsToWords(text: string, r: Rand): string | null {
  let changed = false;
  // Not list numbers ("1. ", at a line start).
  const out = text.replace(/(?<!^|\n)\b\d{1,3}\b(?![.:]\s|\.\d)/g, (m) => {
    if (r() < 0.25 && changed) return m;
    changed = true;
    return numberWords(Number(m), r);
  });
  return changed ? out : null;
}

function wordsToNumerals(text: string): string | null {
  const re = new RegExp(`\\b(${SMALL_NUMBERS.slice(2).join("|")})\\b`, "gi");
  let changed = false;
  const out = text.replace(re, (m) => {
    changed = true;
    return String(SMALL_NUMBERS.indexOf(m.toLowerCase()));
  });
  return changed ? out : null;
}

const KEYBOARD: Record<string, string> = { a: "s", s: "a", e: "r", r: "e", i: "o", o: "i", n: "m", m: "n", t: "y", l: "k", c: "v", d: "f", u: "y", h: "j", p: "o", g: "h" };
function typo(word: string, r: Rand): string {
  const i = int(r, 1, word.length - 2);
  switch (int(r, 0, 3)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
    case 1: return word.slice(0, i) + word.slice(i + 1); // drop
    case 2: return word.slice(0, i) + word[i] + word.slice(i); // double
    default: return word.slice(0, i) + (KEYBOARD[word[i]] ?? "e") + word.slice(i + 1); // neighbour key
  }
}
function addTypos(text: string, r: Rand, count: number): string | null {
  const words = [...text.matchAll(/\b[a-z]{5,}\b/g)];
  if (words.length === 0) return null;
  const chosen = new Set(shuffle(r, words.map((m) => m.index!)).slice(0, count));
  return text.replace(/\b[a-z]{5,}\b/g, (m, offset: number) => (chosen.has(offset) ? typo(m, r) : m));
}

function recase(text: string, r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0: return text.toUpperCase();
    case 1: return text.toLowerCase();
    case 2: return text.replace(/\b[a-z]/g, (c) => c.toUpperCase());
    default: return text.replace(/\b[a-z]{4,}\b/g, (w) => (r() < 0.2 ? w.toUpperCase() : w));
  }
}

function repunctuate(text: string, r: Rand): string {
  switch (int(r, 0, 4)) {
    case 0: return text.replace(/[.,;]/g, "");
    case 1: return text.replace(/\.(\s|$)/g, "!$1");
    case 2: return text.replace(/,/g, " -").replace(/'/g, "’");
    case 3: return text.replace(/\.(\s)/g, ";$1").replace(/,/g, "");
    default: return text.replace(/(\w+)(\s)/, "$1:$2").replace(/\.$/, "");
  }
}

function rewhitespace(text: string, r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0: return text.replace(/\n/g, "\n\n   ");
    case 1: return text.replace(/ /g, () => (r() < 0.15 ? "  " : " ")) + "\n\n";
    case 2: return `  ${text.replace(/\n+/g, " ")}  `;
    default: return text.replace(/\. /g, ".\n").replace(/ {2,}/g, " ");
  }
}

const SAME_KINDS = ["layout", "case", "punctuation", "whitespace", "typos", "numerals", "reorder", "mixed"] as const;

function sameEdit(base: BasePrompt, layout: Layout, kind: (typeof SAME_KINDS)[number], r: Rand): string {
  const text = render(base.sentences, layout);
  switch (kind) {
    case "layout": return render(base.sentences, pick(r, LAYOUTS.filter((l) => l !== layout)));
    case "case": return recase(text, r);
    case "punctuation": return repunctuate(text, r);
    case "whitespace": return rewhitespace(text, r);
    case "typos": return addTypos(text, r, int(r, 1, 3)) ?? recase(text, r);
    case "numerals": return numeralsToWords(text, r) ?? wordsToNumerals(text) ?? addTypos(text, r, 1) ?? text.toUpperCase();
    case "reorder": {
      const rest = base.sentences.slice(1);
      let moved = shuffle(r, rest);
      if (moved.join() === rest.join()) moved = [...rest].reverse();
      return render([base.sentences[0], ...moved], layout);
    }
    case "mixed": {
      let out = render(base.sentences, pick(r, LAYOUTS));
      out = addTypos(out, r, 1) ?? out;
      out = numeralsToWords(out, r) ?? out;
      return r() < 0.5 ? out.toLowerCase() : repunctuate(out, r);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// "variant" edits

const TONES: [string, string][] = [
  ["friendly", "formal"], ["warm", "neutral"], ["playful", "serious"], ["professional", "casual"], ["patient", "strict"],
  ["upbeat", "calm"], ["polite", "direct"], ["formal", "relaxed"], ["simple", "technical"], ["plain", "academic"], ["senior", "junior"],
];
const TARGETS: [string, string[]][] = [
  ["TypeScript", ["Go", "Rust", "Java"]], ["Python", ["JavaScript", "Ruby"]], ["pytest", ["unittest", "Jest"]], ["French", ["German", "Italian", "Japanese"]],
  ["PostgreSQL", ["MySQL", "SQLite"]], ["LinkedIn", ["Instagram", "X"]], ["Lisbon", ["Rome", "Prague", "Tokyo"]], ["students", ["retirees", "freelancers", "nurses"]],
  ["hiking boots", ["running shoes", "winter jackets"]], ["ceramic mugs", ["leather wallets", "wooden toys"]], ["photosynthesis", ["volcanoes", "the water cycle"]],
  ["Acme Cloud Storage", ["Globex Drive", "Initech Backup"]], ["math", ["chemistry", "history"]], ["beginner runner", ["experienced marathon runner", "cyclist"]],
  ["junior data analyst", ["senior backend engineer", "product designer"]], ["furniture shop", ["bookshop", "bike shop"]], ["electronics store", ["sports store", "garden centre"]],
  ["executive", ["engineer", "investor"]], ["high school students", ["university students", "adult learners"]], ["engineering team", ["sales team", "board"]],
  ["supplier", ["customer", "landlord"]], ["logistics company", ["bank", "hospital"]], ["git", ["Mercurial"]], ["payment service", ["login service", "search service"]],
  ["English", ["Spanish", "Dutch"]], ["food and history", ["art and nightlife", "nature and hiking"]], ["hobbies", ["certifications"]], ["blog post", ["podcast transcript"]],
];
const REQUIREMENTS: Record<Half, string[]> = {
  tuning: [
    "Answer in Spanish.", "Include a short summary at the top.", "Use British spelling throughout.", "Add a table that compares the options.",
    "Mention the sources you used.", "Never use the passive voice.", "Ask for confirmation before you finish.", "Add a final section called Next steps.",
    "Write for readers who are new to the topic.", "Keep a light, informal tone.", "Highlight the most important point in bold.", "Do not use abbreviations.",
    "If the input is empty, reply with the word EMPTY.", "Limit the answer to 100 words.", "Use at most 5 bullet points.", "Explain any acronym the first time you use it.",
  ],
  heldout: [
    "Reply in German.", "Start with a one line overview.", "Use American spelling.", "Add a checklist at the end.",
    "Quote the input when you refer to it.", "Avoid exclamation marks.", "Offer two alternatives for every suggestion.", "Close with a question for the reader.",
    "Assume the reader is an expert.", "Be humorous where it fits.", "Put warnings in a separate section.", "Write numbers as digits.",
    "If anything is unclear, state your assumptions first.", "Stay under 80 words.", "Give exactly 4 examples.", "Add a glossary of the technical terms.",
  ],
};

function changeNumber(text: string, r: Rand): string | null {
  const nums = [...text.matchAll(/\b\d+\b/g)];
  const words = [...text.matchAll(new RegExp(`\\b(${SMALL_NUMBERS.slice(2, 13).join("|")})\\b`, "g"))];
  if (nums.length) {
    const m = pick(r, nums);
    const n = Number(m[0]);
    let next = pick(r, [Math.round(n * 2), Math.round(n / 2), n + int(r, 1, 5), Math.max(1, n - int(r, 1, 3)), Math.round(n * 1.5)]);
    if (next === n) next = n + 1;
    return text.slice(0, m.index) + String(next) + text.slice(m.index! + m[0].length);
  }
  if (words.length) {
    const m = pick(r, words);
    const n = SMALL_NUMBERS.indexOf(m[0]);
    const next = SMALL_NUMBERS[n + int(r, 1, 4)] ?? "twenty";
    return text.slice(0, m.index) + next + text.slice(m.index! + m[0].length);
  }
  return null;
}

function changeTone(text: string, r: Rand): string | null {
  const present = TONES.filter(([w]) => new RegExp(`\\b${w}\\b`, "i").test(text));
  if (present.length === 0) return null;
  const [from, to] = pick(r, present);
  return text.replace(new RegExp(`\\b${from}\\b`, "i"), to);
}

function changeTarget(text: string, r: Rand): string | null {
  const present = TARGETS.filter(([w]) => text.includes(w));
  if (present.length === 0) return null;
  const [from, tos] = pick(r, present);
  return text.split(from).join(pick(r, tos));
}

function addRequirement(sentences: string[], r: Rand, half: Half): string[] {
  const at = int(r, 1, sentences.length);
  return [...sentences.slice(0, at), pick(r, REQUIREMENTS[half]), ...sentences.slice(at)];
}
function removeRule(sentences: string[], r: Rand): string[] {
  if (sentences.length < 4) return sentences;
  const at = int(r, 1, sentences.length - 1);
  return sentences.filter((_, i) => i !== at);
}
function rewriteRule(sentences: string[], r: Rand, half: Half): string[] {
  const at = int(r, 1, sentences.length - 1);
  return sentences.map((s, i) => (i === at ? pick(r, REQUIREMENTS[half]) : s));
}

type VariantOp = "number" | "tone" | "target" | "add" | "remove" | "rewrite";
const VARIANT_OPS: VariantOp[] = ["number", "tone", "target", "add", "remove", "rewrite"];

function applyVariant(sentences: string[], op: VariantOp, r: Rand, half: Half): string[] | null {
  const joined = sentences.join("\u0001");
  const back = (t: string | null) => (t === null ? null : t.split("\u0001"));
  switch (op) {
    case "number": return back(changeNumber(joined, r));
    case "tone": return back(changeTone(joined, r));
    case "target": return back(changeTarget(joined, r));
    case "add": return addRequirement(sentences, r, half);
    case "remove": return sentences.length >= 4 ? removeRule(sentences, r) : null;
    case "rewrite": return rewriteRule(sentences, r, half);
  }
}

function variantEdit(base: BasePrompt, ops: VariantOp[], r: Rand, half: Half): { sentences: string[]; kind: string } {
  let sentences = base.sentences;
  const done: string[] = [];
  for (const op of ops) {
    const next = applyVariant(sentences, op, r, half);
    done.push(next ? op : "add");
    sentences = next ?? addRequirement(sentences, r, half);
  }
  // Edits can cancel out (a rule added, then removed): a variant must differ.
  if (sentences.join(" ") === base.sentences.join(" ")) {
    sentences = addRequirement(sentences, r, half);
    done.push("add");
  }
  return { sentences, kind: done.join("+") };
}

// ---------------------------------------------------------------------------------------------

function generate(half: Half, seed: number): LabelledPair[] {
  const r = rng(seed);
  const bases = BASE_PROMPTS.filter((_, i) => (i % 2 === 0) === (half === "tuning"));
  const pairs: LabelledPair[] = [];
  const add = (truth: IdentityTruth, kind: string, a: string, b: string) =>
    pairs.push({ id: `${half}-${pairs.length}`, half, truth, kind, a, b });
  const wrap = (text: string, pre: string, post: string) => `${pre}\n\n${text}\n\n${post}`;

  for (const base of bases) {
    const layout = pick(r, LAYOUTS);
    const a = render(base.sentences, layout);
    for (const kind of SAME_KINDS) add("same", kind, a, sameEdit(base, layout, kind, r));
    // Small edits (one), larger edits (two to four), and edits whose capture is also reformatted.
    for (const op of VARIANT_OPS) {
      const v = variantEdit(base, [op], r, half);
      add("variant", v.kind, a, render(v.sentences, layout));
    }
    for (let k = 0; k < 3; k++) {
      const v = variantEdit(base, shuffle(r, VARIANT_OPS).slice(0, int(r, 2, 4)), r, half);
      add("variant", `large:${v.kind}`, a, render(v.sentences, pick(r, LAYOUTS)));
    }
    // Different tasks: same domain, and any domain wrapped in the same boilerplate.
    const sameDomain = bases.filter((o) => o.domain === base.domain && o.id !== base.id);
    for (const other of sameDomain) add("new", "same-domain", a, render(other.sentences, pick(r, LAYOUTS)));
    const others = bases.filter((o) => o.id !== base.id);
    for (let k = 0; k < 3; k++) {
      const other = pick(r, others);
      const pre = pick(r, PREAMBLES);
      const post = pick(r, POSTAMBLES);
      const withPost = r() < 0.6;
      add("new", withPost ? "boilerplate" : "preamble", wrap(a, pre, withPost ? post : ""), wrap(render(other.sentences, layout), pre, withPost ? post : ""));
    }
    // The wrapped prompt itself, edited: the boilerplate does not make these "new".
    const pre = pick(r, PREAMBLES);
    const post = pick(r, POSTAMBLES);
    const kind = pick(r, SAME_KINDS.filter((k) => k !== "reorder"));
    add("same", `wrapped-${kind}`, wrap(a, pre, post), wrap(sameEdit(base, layout, kind, r), pre, post));
    const v = variantEdit(base, [pick(r, VARIANT_OPS)], r, half);
    add("variant", `wrapped-${v.kind}`, wrap(a, pre, post), wrap(render(v.sentences, layout), pre, post));
  }
  for (const [i, p] of HAND_PAIRS.entries()) {
    if ((i % 2 === 0) === (half === "tuning")) add(p.truth, `hand:${p.kind}`, p.a, p.b);
  }
  return pairs;
}

/** Every labelled pair, both halves; deterministic. */
export function labelledPairs(): LabelledPair[] {
  return [...generate("tuning", 13), ...generate("heldout", 1013)];
}
