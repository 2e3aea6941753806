// Refining a cluster's pattern against all its members, after clustering:
// - Tokens every member has at the very start (or end) of a slot's value are constants that the
//   candidate filter missed (a shingle straddling a value, like the "." after "about {{topic}}" or
//   the "Generate" before "{{count}} questions"): they move into the shell; a slot that is then
//   empty for every member disappears.
// - Short values that all share words ("chickpeas and garlic", "tofu and lemon") split around them.
// - Then a value is kept whole where a slot's edge would cut it (tidySlots).
import { alignPattern, fitSegments, segmentsOf, SLOT, type Pattern } from "./shell";
import type { Vocabulary, TokenizedPrompt } from "./tokenizer";
import { appendAll } from "./append-all";

const ROUNDS = 4;
const SENTENCE_LIKE = 5;
const SHORT_VALUE = 12;

type Values = Array<{ ids: Int32Array; from: number; to: number }>;

function slotValues(pattern: Pattern, prompts: TokenizedPrompt[], members: number[]): Values[] | null {
  const segments = segmentsOf(pattern);
  const fits = members.map((m) => fitSegments(segments, prompts[m].ids));
  if (fits.some((f) => !f)) return null;
  const spans = fits as Array<Array<[number, number]>>;
  const slots = spans[0].length;
  return Array.from({ length: slots }, (_x, k) => spans.map((s, i) => ({ ids: prompts[members[i]].ids, from: s[k][0], to: s[k][1] })));
}

/** Constants all the (short) values of a slot share, as a sub-pattern, or null. */
function sharedInside(values: Values): Pattern | null {
  if (values.some((v) => v.to - v.from > SHORT_VALUE || v.to <= v.from)) return null;
  let sub: Pattern = values[0].ids.slice(values[0].from, values[0].to);
  for (const v of values.slice(1)) {
    const ids = v.ids.slice(v.from, v.to);
    sub = alignPattern(sub, ids, Int32Array.from(ids.keys())).merged;
    if (!sub.some((x) => x !== SLOT)) return null;
  }
  return sub;
}

export function splitShortSlots(pattern: Pattern, prompts: TokenizedPrompt[], members: number[]): Pattern {
  const values = slotValues(pattern, prompts, members);
  if (!values) return pattern;
  const out: number[] = [];
  let slot = 0;
  for (const item of pattern) {
    if (item !== SLOT) {
      out.push(item);
      continue;
    }
    const sub = sharedInside(values[slot++]);
    if (!sub) out.push(SLOT);
    else for (const x of sub) if (x !== SLOT || out[out.length - 1] !== SLOT) out.push(x);
  }
  return Int32Array.from(out);
}

const CODE_TAGS = new Set("python py javascript js typescript ts tsx jsx go golang java json sql bash sh shell c cpp csharp cs rust ruby php html css yaml yml xml kotlin swift diff text markdown md".split(" "));
const LONG_VALUE = 15;
const CHAIN_RUN = 5;
const FUNCTION_WORDS = new Set("the a an of and or to in on at for with by from is are was be it that this as".split(" "));
const CHAIN_SLOTS = 3;
const SHORT_RUN = 4;

/**
 * Where a slot's edge cuts a value apart, the value gets its pieces back: constant characters glued
 * to every value that contain a letter ("AC-{{n}}" -> "{{account}}"), a list marker starting the
 * value's line ("- {{notes}}"), the full stop glued to values that are sentences (capitalised or holding a sentence end, five tokens or more); then slots separated
 * only by punctuation or digits, or by a few tokens between two long values, merge; and a code
 * fence holding a slot becomes one slot (its language tag kept).
 */
export function tidySlots(pattern: Pattern, prompts: TokenizedPrompt[], members: number[], vocabulary: Vocabulary): Pattern {
  const values = slotValues(pattern, prompts, members);
  if (!values) return pattern;
  const word = (id: number) => (id === SLOT ? "" : vocabulary.words[id]);
  const letters = (id: number) => /\p{L}/u.test(word(id));
  const drop = new Uint8Array(pattern.length);
  const slotAt: number[] = [];
  pattern.forEach((item, i) => item === SLOT && slotAt.push(i));
  const glued = (ids: { prompt: TokenizedPrompt; a: number; b: number }) => ids.prompt.tokens[ids.a].end === ids.prompt.tokens[ids.b].start;
  const avg = (vs: Values) => vs.reduce((sum, v) => sum + v.to - v.from, 0) / vs.length;

  slotAt.forEach((at, k) => {
    const vs = values[k];
    const present = vs.map((v, i) => ({ v, prompt: prompts[members[i]] })).filter((x) => x.v.to > x.v.from);
    if (!present.length) return;
    // Glued prefix: constants before the slot with no whitespace up to the value.
    let n = 0;
    while (at - n - 1 >= 0 && pattern[at - n - 1] !== SLOT && present.every((x) => x.v.from - n - 1 >= 0 && glued({ prompt: x.prompt, a: x.v.from - n - 1, b: x.v.from - n }))) n++;
    if (n > 0 && present.length === vs.length) {
      const chain = Array.from(pattern.slice(at - n, at));
      // Only the glued chain starting after whitespace counts as part of the value's word.
      // Only an identifier-like prefix ("AC-", "INV_"): quotes, colons and brackets are structure.
      const identifierLike = chain.every((id) => /^[\p{L}\p{N}_-]+$/u.test(word(id)));
      if (identifierLike && chain.some(letters) && !chain.every(letters)) for (let i = at - n; i < at; i++) drop[i] = 1;
    }
    // A list marker alone at the start of the value's line.
    const first = present[0];
    let m = 0;
    while (at - m - 1 >= 0 && pattern[at - m - 1] !== SLOT && !letters(pattern[at - m - 1])) {
      const t = first.v.from - m - 1;
      if (t < 0) break;
      m++;
      const before = t > 0 ? first.prompt.text.slice(first.prompt.tokens[t - 1].end, first.prompt.tokens[t].start) : "\n";
      if (before.includes("\n")) {
        if (m <= 3 && /^[-*•+]|^\d+$/.test(word(pattern[at - m]))) for (let i = at - m; i < at; i++) drop[i] = 1;
        break;
      }
    }
    // The full stop glued to sentence-like values.
    const next = at + 1 < pattern.length ? pattern[at + 1] : SLOT;
    const text = (x: (typeof present)[number]) => x.prompt.text.slice(x.prompt.tokens[x.v.from].start, x.prompt.tokens[x.v.to - 1].end);
    const sentences = present.filter((x) => /^[\p{Lu}\p{N}]|[.!?]\s/u.test(text(x))).length >= present.length / 2;
    if (next !== SLOT && /^[.!?]$/.test(word(next)) && sentences && avg(vs) >= SENTENCE_LIKE && present.length === vs.length && present.every((x) => glued({ prompt: x.prompt, a: x.v.to - 1, b: x.v.to }))) drop[at + 1] = 1;
  });

  let out: number[] = [];
  pattern.forEach((item, i) => {
    if (!drop[i] && !(item === SLOT && out[out.length - 1] === SLOT)) out.push(item);
  });

  // Code fences: three backticks in a row.
  const fenceAt: number[] = [];
  for (let i = 0; i + 2 < out.length; i++) {
    if (word(out[i]) === "`" && word(out[i + 1]) === "`" && word(out[i + 2]) === "`") {
      fenceAt.push(i);
      i += 2;
    }
  }
  for (let f = fenceAt.length - 2; f >= 0; f -= 2) {
    const open = fenceAt[f];
    const close = fenceAt[f + 1];
    const inside = out.slice(open + 3, close);
    if (!inside.includes(SLOT)) continue;
    const keepTag = inside[0] !== SLOT && CODE_TAGS.has(word(inside[0]).toLowerCase()) ? 1 : 0;
    out = [...out.slice(0, open + 3 + keepTag), SLOT, ...out.slice(close)];
  }

  // Runs between two slots without letters merge them, as do a function word or two next to a long
  // value ("{{a}} the {{document}}") and short runs (with the short values between them) between
  // two long values: words recurring inside one document.
  const refit = slotValues(Int32Array.from(out), prompts, members);
  const merged: number[] = [];
  let slot = -1;
  let lastLong = -1;
  const shortRunsSince = (from: number) => {
    let run = 0;
    for (let i = from + 1; i < merged.length; i++) {
      if (merged[i] === SLOT) run = 0;
      else if (++run > SHORT_RUN) return false;
    }
    return true;
  };
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== SLOT) {
      merged.push(out[i]);
      continue;
    }
    slot++;
    const long = refit !== null && avg(refit[slot]) >= LONG_VALUE;
    let j = merged.length - 1;
    while (j >= 0 && merged[j] !== SLOT) j--;
    if (long && lastLong >= 0 && shortRunsSince(lastLong)) {
      merged.length = lastLong + 1;
      continue;
    }
    const run = merged.slice(j + 1);
    const prevLong = j >= 0 && j === lastLong;
    const functionWords = run.length <= 2 && run.every((id) => FUNCTION_WORDS.has(word(id)));
    if (j >= 0 && (!run.some(letters) || ((long || prevLong) && functionWords))) {
      merged.length = j + 1;
      if (long) lastLong = j;
      continue;
    }
    merged.push(SLOT);
    if (long) lastLong = merged.length - 1;
  }
  return Int32Array.from(foldChains(foldBlocks(merged, word), word));
}

/** A {…} or […] block holding three or more slots is one structured value (a JSON record). */
function foldBlocks(pattern: number[], word: (id: number) => string): number[] {
  const pairs: Record<string, string> = { "{": "}", "[": "]" };
  for (let i = 0; i < pattern.length; i++) {
    const close = pairs[word(pattern[i])];
    if (!close) continue;
    let depth = 0;
    let slots = 0;
    for (let j = i; j < pattern.length; j++) {
      const w = word(pattern[j]);
      if (pattern[j] === SLOT) slots++;
      else if (w === word(pattern[i])) depth++;
      else if (w === close && --depth === 0) {
        if (slots >= CHAIN_SLOTS) {
          const before = pattern.slice(0, i);
          const after = pattern.slice(j + 1);
          const out = [...before, ...(before[before.length - 1] === SLOT ? [] : [SLOT]), ...(after[0] === SLOT ? after.slice(1) : after)];
          return foldBlocks(out, word);
        }
        break;
      }
    }
  }
  return pattern;
}

/**
 * Three or more slots in a row separated only by short runs that are mostly punctuation
 * (`", "name": "`, "\nDate: 2026-"; not "the user's message") are the fields of one structured value (a JSON record, an invoice, a diff) that
 * the members happen to share the layout of: they become one slot.
 */
function foldChains(pattern: number[], word: (id: number) => string): number[] {
  const slots: number[] = [];
  pattern.forEach((item, i) => item === SLOT && slots.push(i));
  const joinable = (a: number, b: number) => {
    const run = pattern.slice(a + 1, b);
    const wordy = run.filter((id) => /\p{L}/u.test(word(id))).length;
    return run.length <= CHAIN_RUN && run.length - wordy >= Math.max(1, wordy);
  };
  const out: number[] = [];
  let i = 0;
  while (i < pattern.length) {
    const k = slots.indexOf(i);
    if (k >= 0) {
      let end = k;
      while (end + 1 < slots.length && joinable(slots[end], slots[end + 1])) end++;
      if (end - k + 1 >= CHAIN_SLOTS) {
        out.push(SLOT);
        i = slots[end] + 1;
        continue;
      }
    }
    out.push(pattern[i]);
    i++;
  }
  return out;
}

export function refinePattern(pattern: Pattern, prompts: TokenizedPrompt[], members: number[], vocabulary: Vocabulary): Pattern {
  let current = expandEdges(pattern, prompts, members);
  current = splitShortSlots(current, prompts, members);
  current = expandEdges(current, prompts, members);
  return tidySlots(current, prompts, members, vocabulary);
}

function expandEdges(pattern: Pattern, prompts: TokenizedPrompt[], members: number[]): Pattern {
  let current = pattern;
  for (let round = 0; round < ROUNDS; round++) {
    const segments = segmentsOf(current);
    const fits = members.map((m) => fitSegments(segments, prompts[m].ids));
    if (fits.some((f) => !f)) return current;
    const spans = fits as Array<Array<[number, number]>>;
    const out: number[] = [];
    let changed = false;
    let slot = 0;
    for (const item of current) {
      if (item !== SLOT) {
        out.push(item);
        continue;
      }
      const values = spans.map((s, k) => ({ ids: prompts[members[k]].ids, from: s[slot][0], to: s[slot][1] }));
      slot++;
      const head: number[] = [];
      for (;;) {
        const first = values[0];
        if (first.from + head.length >= first.to) break;
        const id = first.ids[first.from + head.length];
        if (!values.every((v) => v.from + head.length < v.to && v.ids[v.from + head.length] === id)) break;
        head.push(id);
      }
      const tail: number[] = [];
      for (;;) {
        const first = values[0];
        if (first.to - tail.length - 1 < first.from + head.length) break;
        const id = first.ids[first.to - tail.length - 1];
        if (!values.every((v) => v.to - tail.length - 1 >= v.from + head.length && v.ids[v.to - tail.length - 1] === id)) break;
        tail.unshift(id);
      }
      if (head.length || tail.length) changed = true;
      appendAll(out, head);
      if (values.some((v) => v.to - tail.length > v.from + head.length)) out.push(SLOT);
      else changed = true;
      appendAll(out, tail);
    }
    if (!changed) return current;
    current = Int32Array.from(out);
  }
  return current;
}
