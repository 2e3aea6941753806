// The inverse of renderTemplate: is `text` this body with its {{variables}} filled in, and with
// which values? Used to recognise captured calls that render a library prompt (or fit an induced
// template's shell) and to extract their values. Runs of whitespace compare equal, so re-indented
// or re-wrapped renders still match.
//
// Linear, no regular expressions: the constant pieces between slots are found left to right (the
// first piece must start the text, the last must end it, each middle piece is taken at its first
// occurrence), so a value that itself contains the next constant piece is cut there. A slot that
// appears twice must receive the same value both times.
import { segmentBody } from "./variables";

export type RenderedMatch = { values: Record<string, string> };

type Normalised = { text: string; origin: number[] };

/** Collapses whitespace runs to one space and trims; `origin[i]` is the index in `raw` of `text[i]`. */
function normalise(raw: string): Normalised {
  let text = "";
  const origin: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (/\s/.test(ch)) {
      if (text.length && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      text += " ";
      origin.push(pendingSpace);
      pendingSpace = -1;
    }
    text += ch;
    origin.push(i);
  }
  return { text, origin };
}

const squash = (s: string) => s.replace(/\s+/g, " ");

/** Non-whitespace characters of the body outside its slots: how much a match actually checks. */
export function constantLength(body: string): number {
  return segmentBody(body)
    .filter((s) => s.kind === "text")
    .reduce((sum, s) => sum + s.value.replace(/\s+/g, "").length, 0);
}

export function matchRendered(body: string, text: string): RenderedMatch | null {
  const segments = segmentBody(body.trim());
  // Constants and slots alternate: c0 v1 c1 … vn cn (constants may be empty).
  const constants: string[] = [""];
  const names: string[] = [];
  for (const s of segments) {
    if (s.kind === "text") constants[constants.length - 1] += squash(s.value);
    else {
      names.push(s.name as string);
      constants.push("");
    }
  }
  const target = normalise(text);
  if (names.length === 0) return target.text === squash(body.trim()) ? { values: {} } : null;
  // A slot at either end rendered empty leaves its neighbouring space trimmed away ("Say {{x}}" with
  // x = "" is "Say"): pad that end with a space standing for the text's edge.
  const padStart = constants[0] === "" ? " " : "";
  const padEnd = constants[constants.length - 1] === "" ? " " : "";
  const t = padStart + target.text + padEnd;
  const origin = [...(padStart ? [0] : []), ...target.origin, ...(padEnd ? [text.length] : [])];

  const first = constants[0].trimStart();
  const last = constants[constants.length - 1].trimEnd();
  if (!t.startsWith(first) || !t.endsWith(last)) return null;
  const end = t.length - last.length;
  if (end < first.length) return null;

  const spans: Array<[number, number]> = [];
  let pos = first.length;
  for (let i = 1; i < constants.length - 1; i++) {
    const piece = constants[i];
    const at = piece === "" ? pos : t.indexOf(piece, pos);
    if (at < 0 || at > end) return null;
    spans.push([pos, at]);
    pos = at + piece.length;
  }
  if (pos > end) return null;
  spans.push([pos, end]);

  const values: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const [from, to] = spans[i];
    const value = from >= to ? "" : text.slice(origin[from], origin[to - 1] + 1).trim();
    if (Object.prototype.hasOwnProperty.call(values, name) && squash(values[name]) !== squash(value)) return null;
    values[name] = value;
  }
  return { values };
}
