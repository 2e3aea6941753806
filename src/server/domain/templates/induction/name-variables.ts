// Names for a shell's slots, from the constant text around them ("Language: {{language}}",
// "the customer name is {{customer_name}}", `"city": "{{city}}"`, "<document>{{document}}",
// "in {{language}}" when the values are languages), or from what the values look like (code,
// numbers); otherwise var1, var2… by position. Names are identifiers and unique within a shell.

const STOP = new Set(["the", "a", "an", "my", "your", "our", "their", "his", "her", "its", "this", "that", "of", "for", "to", "and", "or", "with", "following", "below", "here", "please", "is", "are", "was", "be"]);
const LANGUAGES = new Set(
  "english french german spanish italian portuguese dutch swedish norwegian danish finnish polish czech russian ukrainian greek turkish arabic hebrew hindi bengali urdu chinese mandarin cantonese japanese korean vietnamese thai indonesian malay tagalog swahili romanian hungarian bulgarian serbian croatian catalan persian farsi".split(" "),
);
const MAX_WORDS = 3;
const IMPERATIVE = /^(?:please\s+)?(?:summari[sz]e|translate|write|explain|review|classify|answer|extract|rewrite|convert|solve|create|generate|fix|tell|describe|analy[sz]e|check|correct|list|turn|draft|improve|proofread|rephrase|paraphrase)\b/i;

function identifier(words: string[]): string | null {
  const cleaned = words
    .map((w) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, ""))
    .filter(Boolean);
  if (!cleaned.length) return null;
  const name = cleaned.join("_").slice(0, 40).replace(/_+$/, "");
  if (!name || name.length < 2) return null;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function lastWords(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}\p{N}'_-]*/gu) ?? []).map((w) => w.replace(/'.*$/, ""));
}

/** Content words at the end of a phrase, at most MAX_WORDS, stop words dropped from the front. */
function labelFrom(phrase: string): string | null {
  const words = lastWords(phrase).slice(-MAX_WORDS);
  while (words.length && STOP.has(words[0].toLowerCase())) words.shift();
  if (!words.length || words.every((w) => STOP.has(w.toLowerCase()))) return null;
  return identifier(words);
}

function fromContext(before: string): string | null {
  const tail = before.slice(-120);
  const lastLine = tail.split("\n").pop() ?? "";
  let m = /"([A-Za-z][\w -]{0,30})"\s*:\s*"?$/.exec(tail);
  if (m) return identifier([m[1]]);
  m = /<([A-Za-z][\w-]{0,30})(?:\s[^>]*)?>\s*$/.exec(tail);
  if (m) return identifier([m[1]]);
  if (/```[\w+#-]*\s*$/.test(tail)) return "code";
  m = /([\p{L}][\p{L}\p{N} _'-]{0,50}?)\s*[:=]\s*["'`(\[]?$/u.exec(lastLine);
  if (m) {
    // "Summarize this:" labels an instruction, not the value: its value is the text.
    if (IMPERATIVE.test(m[1].trim()) && /\s/.test(m[1].trim())) return "text";
    const label = labelFrom(m[1]);
    if (label) return label;
  }
  m = /([\p{L}][\p{L}\p{N} _'-]{0,60}?)\s+(?:is|are|was|named|called)\s*["'`(\[]?$/iu.exec(lastLine);
  if (m) {
    const label = labelFrom(m[1]);
    if (label) return label;
  }
  if (/\b(?:about|on the topic of|regarding)\s*$/i.test(lastLine)) return "topic";
  return null;
}

function fromValues(values: string[], after: string): string | null {
  const present = values.filter((v) => v.trim() !== "");
  if (!present.length) return null;
  if (present.every((v) => LANGUAGES.has(v.trim().toLowerCase()))) return "language";
  if (present.every((v) => /^[-+]?\d[\d,. ]*%?$/.test(v.trim()))) {
    const noun = /^\s*([\p{L}][\p{L}_-]*)/u.exec(after);
    return noun && !STOP.has(noun[1].toLowerCase()) ? identifier([noun[1], "count"]) : "number";
  }
  const codeLike = present.filter((v) => /[{};=()]|\b(?:def|function|class|return|const|import)\b/.test(v) && v.includes("\n")).length;
  if (codeLike >= present.length * 0.6) return "code";
  const words = present.reduce((sum, v) => sum + v.split(/\s+/).length, 0) / present.length;
  if (words >= 60) return "document";
  return null;
}

export type SlotContext = { before: string; after: string; values: string[] };

export function nameVariables(slots: SlotContext[]): string[] {
  const used = new Set<string>();
  return slots.map((slot, index) => {
    const base = fromContext(slot.before) ?? fromValues(slot.values, slot.after) ?? `var${index + 1}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}
