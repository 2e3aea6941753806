// From a cluster's pattern to the shell text and each member's values. Every member is fitted to
// the pattern's constant segments; a value is the exact substring of the member's text between
// them (trimmed of surrounding whitespace, newlines inside kept), so rendering the shell with a
// member's values gives back its text up to whitespace.
import { fitSegments, segmentsOf, type Pattern } from "./shell";
import type { TokenizedPrompt } from "./tokenizer";

type Part = { kind: "run"; length: number } | { kind: "slot"; index: number };

export type FittedMember = { member: number; spans: Array<[number, number]> };

export type ShellLayout = {
  parts: Part[];
  slots: number;
  /** Members that fit, with their slot token spans. */
  fitted: FittedMember[];
  /** Members that do not fit the pattern (should not happen for a pattern merged from them). */
  misfits: number[];
};

export function layoutShell(pattern: Pattern, prompts: TokenizedPrompt[], members: number[]): ShellLayout {
  const segments = segmentsOf(pattern);
  const parts: Part[] = [];
  let slots = 0;
  if (segments.leadingSlot) parts.push({ kind: "slot", index: slots++ });
  segments.runs.forEach((run, r) => {
    if (r > 0) parts.push({ kind: "slot", index: slots++ });
    parts.push({ kind: "run", length: run.length });
  });
  if (segments.trailingSlot && segments.runs.length) parts.push({ kind: "slot", index: slots++ });
  const fitted: FittedMember[] = [];
  const misfits: number[] = [];
  for (const member of members) {
    const spans = fitSegments(segments, prompts[member].ids);
    if (spans && spans.length === slots) fitted.push({ member, spans });
    else misfits.push(member);
  }
  return { parts, slots, fitted, misfits };
}

const charSpan = (prompt: TokenizedPrompt, [from, to]: [number, number]): [number, number] | null =>
  from >= to ? null : [prompt.tokens[from].start, prompt.tokens[to - 1].end];

export function valueOf(prompt: TokenizedPrompt, span: [number, number]): string {
  const chars = charSpan(prompt, span);
  return chars ? prompt.text.slice(chars[0], chars[1]) : "";
}

/** Character offsets around every part for one member: [start, end) of each run and slot value. */
function partOffsets(prompt: TokenizedPrompt, layout: ShellLayout, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cursor = 0;
  for (const part of layout.parts) {
    if (part.kind === "run") {
      const from = cursor;
      cursor += part.length;
      out.push([prompt.tokens[from].start, prompt.tokens[cursor - 1].end]);
    } else {
      const span = spans[part.index];
      cursor = span[1];
      out.push(charSpan(prompt, span) ?? [-1, -1]);
    }
  }
  return out;
}

export type SlotText = { before: string; after: string; values: string[] };

/**
 * The shell text with `names` in its slots. Constant text comes from the first member; the
 * whitespace around a slot from the first member whose value there is not empty.
 */
export function renderShell(prompts: TokenizedPrompt[], layout: ShellLayout, names: string[]): string {
  const offsets = layout.fitted.map((f) => partOffsets(prompts[f.member], layout, f.spans));
  const first = prompts[layout.fitted[0].member];
  let shell = "";
  layout.parts.forEach((part, p) => {
    if (part.kind === "run") {
      const [from, to] = offsets[0][p];
      shell += first.text.slice(from, to);
      return;
    }
    const slot = `{{${names[part.index]}}}`;
    const owner = offsets.findIndex((o) => o[p][0] >= 0);
    const text = (k: number) => prompts[layout.fitted[k].member].text;
    const prevEnd = (k: number) => (p > 0 ? offsets[k][p - 1][1] : 0);
    const nextStart = (k: number) => (p + 1 < layout.parts.length ? offsets[k][p + 1][0] : text(k).length);
    if (owner < 0) {
      shell += first.text.slice(prevEnd(0), nextStart(0)) + slot;
      return;
    }
    const [from, to] = offsets[owner][p];
    shell += text(owner).slice(prevEnd(owner), from) + slot + text(owner).slice(to, nextStart(owner));
  });
  return shell.trim();
}

/** For naming: the constant text before and after each slot, and its values over the members. */
export function slotTexts(prompts: TokenizedPrompt[], layout: ShellLayout): SlotText[] {
  const first = prompts[layout.fitted[0].member];
  const offsets = partOffsets(first, layout, layout.fitted[0].spans);
  const out: SlotText[] = [];
  layout.parts.forEach((part, p) => {
    if (part.kind !== "slot") return;
    const before = p > 0 ? first.text.slice(offsets[p - 1][0], offsets[p - 1][1]) : "";
    const after = p + 1 < layout.parts.length ? first.text.slice(offsets[p + 1][0], offsets[p + 1][1]) : "";
    out.push({ before, after, values: layout.fitted.map((f) => valueOf(prompts[f.member], f.spans[part.index])) });
  });
  return out;
}
