// Models often repeat their prompt ("Sure! You asked me to …"). A sample output shown on a paid
// listing must not hand out the body it was written from, so any run of ECHO_WORDS or more words
// copied from the protected texts (the body, the rendered prompt) is cut out, and so is any
// protected value long enough to be recognisable (a variable's value). Pure, so it is tested alone.

/** Consecutive words shared with a protected text that count as an echo. */
export const ECHO_WORDS = 5;
/** A protected value at least this long is removed wherever it appears verbatim. */
export const ECHO_VALUE_MIN_CHARS = 8;
export const WITHHELD = "[prompt text withheld]";

const normalise = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function shinglesOf(text: string): Set<string> {
  const words = text.split(/\s+/).map(normalise).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + ECHO_WORDS <= words.length; i++) out.add(words.slice(i, i + ECHO_WORDS).join(" "));
  return out;
}

/**
 * `output` with echoes of `protectedTexts` replaced by WITHHELD, and whether anything was cut.
 * `protectedValues` (variable values) are removed wherever they appear verbatim.
 */
export function redactEchoes(output: string, protectedTexts: readonly string[], protectedValues: readonly string[] = []): { text: string; redacted: boolean } {
  // Echoed passages first (a value cut out first would break the passage around it), then values.
  const cutPassages = redactPassages(output, protectedTexts);
  let text = cutPassages.text;
  let redacted = cutPassages.redacted;
  for (const value of [...protectedValues].sort((a, b) => b.length - a.length)) {
    const v = value.trim();
    if (v.length < ECHO_VALUE_MIN_CHARS || !text.includes(v)) continue;
    text = text.split(v).join(WITHHELD);
    redacted = true;
  }
  return { text, redacted };
}

function redactPassages(text: string, protectedTexts: readonly string[]): { text: string; redacted: boolean } {
  const shingles = new Set<string>();
  for (const t of protectedTexts) for (const s of shinglesOf(t)) shingles.add(s);
  if (!shingles.size) return { text, redacted: false };

  // Tokens keep their whitespace so the text is rebuilt as it was, minus the echoed spans.
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const words = tokens.map((t) => normalise(t));
  const wordIndexes = words.flatMap((w, i) => (w ? [i] : []));
  const cut = new Set<number>();
  for (let i = 0; i + ECHO_WORDS <= wordIndexes.length; i++) {
    const window = wordIndexes.slice(i, i + ECHO_WORDS);
    if (shingles.has(window.map((j) => words[j]).join(" "))) for (let j = window[0]; j <= window[ECHO_WORDS - 1]; j++) cut.add(j);
  }
  if (!cut.size) return { text, redacted: false };

  let rebuilt = "";
  for (let i = 0; i < tokens.length; i++) {
    if (!cut.has(i)) {
      rebuilt += tokens[i];
      continue;
    }
    if (!cut.has(i - 1)) rebuilt += WITHHELD;
    if (!cut.has(i + 1)) rebuilt += tokens[i].match(/\s*$/)?.[0] ?? "";
  }
  return { text: rebuilt, redacted: true };
}
