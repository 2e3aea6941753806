// One rule for every string a caller sends, whatever the procedure: PostgreSQL cannot store NUL
// (U+0000) in text or jsonb, and an unpaired UTF-16 surrogate is either silently replaced with
// U+FFFD in a text column or refused by jsonb. Both are refused up front, naming the field.

export type UnstorableText = { path: (string | number)[]; message: string };

export const NUL_MESSAGE = "cannot contain NUL characters (U+0000)";
export const UNPAIRED_SURROGATE_MESSAGE = "is not valid Unicode text (an unpaired surrogate)";

const NUL_OR_SURROGATE = /[\u0000\uD800-\uDFFF]/;

function problemOf(text: string): string | null {
  if (!NUL_OR_SURROGATE.test(text)) return null; // the common case: one scan, no allocation
  if (text.includes("\u0000")) return NUL_MESSAGE;
  return text.isWellFormed() ? null : UNPAIRED_SURROGATE_MESSAGE;
}

/** A value still to visit; its path is kept as a link to its parent, built only when reported. */
type Visit = { value: unknown; key: string | number | null; parent: Visit | null };

function pathOf(visit: Visit | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v = visit; v; v = v.parent) if (v.key !== null) path.push(v.key);
  return path.reverse();
}

/**
 * The first string in a decoded input (values and object keys, through arrays, plain objects, Maps
 * and Sets) that cannot be stored, with its path; null when there is none. Iterative, so a deeply
 * nested input cannot overflow the stack.
 */
export function findUnstorableText(input: unknown): UnstorableText | null {
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === "string") {
      const message = problemOf(value);
      if (message) return { path: pathOf(visit), message };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    const children: Visit[] = [];
    if (Array.isArray(value) || value instanceof Set) {
      let i = 0;
      for (const item of value) children.push({ value: item, key: i++, parent: visit });
    } else if (value instanceof Map) {
      for (const [key, item] of value) {
        const keyProblem = typeof key === "string" ? problemOf(key) : null;
        if (keyProblem) return { path: pathOf(visit), message: `has a key that ${keyProblem}` };
        children.push({ value: key, key: null, parent: visit }, { value: item, key: String(key), parent: visit });
      }
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) continue; // Date, RegExp, … carry no free text
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = problemOf(key);
        if (keyProblem) return { path: pathOf(visit), message: `has a key that ${keyProblem}` };
        children.push({ value: item, key, parent: visit });
      }
    }
    // Depth first, in document order: the first bad field reported is the first one written.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}
