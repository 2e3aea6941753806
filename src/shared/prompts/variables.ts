// `{{name}}` slots in a prompt body. `{{name|default}}` gives a default value.
// Pure functions: shared by the server, the editor's live detection and the render form.

export type PromptVariable = { name: string; default?: string; description?: string };

/** Matches {{ name }} or {{ name | default text }}; names are identifiers. */
const SLOT = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

/** Variables in order of first appearance; the first default given for a name wins. */
export function parseVariables(body: string): PromptVariable[] {
  const found = new Map<string, PromptVariable>();
  for (const match of body.matchAll(SLOT)) {
    const [, name, rawDefault] = match;
    const existing = found.get(name);
    const def = rawDefault === undefined ? undefined : rawDefault.trim();
    if (!existing) found.set(name, def === undefined ? { name } : { name, default: def });
    else if (existing.default === undefined && def !== undefined) existing.default = def;
  }
  return [...found.values()];
}

/** Merges descriptions/defaults the author supplied with the slots actually present in the body. */
export function mergeVariableMetadata(body: string, metadata: PromptVariable[] = []): PromptVariable[] {
  const byName = new Map(metadata.map((m) => [m.name, m]));
  return parseVariables(body).map((v) => {
    const meta = byName.get(v.name);
    const merged: PromptVariable = { name: v.name };
    const def = v.default ?? meta?.default;
    if (def !== undefined) merged.default = def;
    if (meta?.description) merged.description = meta.description;
    return merged;
  });
}

export type RenderResult = {
  text: string;
  /** Names filled from their default because no value was given. */
  defaultsUsed: string[];
  /** Values given for names the prompt does not have; reported, not used. */
  unknownVariables: string[];
  /** Names with neither a value nor a default. */
  missingVariables: string[];
};

export function renderTemplate(body: string, values: Record<string, string>, variables = parseVariables(body)): RenderResult {
  const defaults = new Map(variables.filter((v) => v.default !== undefined).map((v) => [v.name, v.default as string]));
  const known = new Set(parseVariables(body).map((v) => v.name));
  const missing = new Set<string>();
  const defaultsUsed = new Set<string>();
  const text = body.replace(SLOT, (_whole, name: string, inlineDefault?: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    const def = defaults.get(name) ?? inlineDefault?.trim();
    if (def !== undefined) {
      defaultsUsed.add(name);
      return def;
    }
    missing.add(name);
    return `{{${name}}}`;
  });
  return {
    text,
    defaultsUsed: [...defaultsUsed],
    unknownVariables: Object.keys(values).filter((k) => !known.has(k)),
    missingVariables: [...missing],
  };
}

/** Splits a body into text and variable segments, for highlighting. */
export function segmentBody(body: string): Array<{ kind: "text" | "variable"; value: string; name?: string }> {
  const out: Array<{ kind: "text" | "variable"; value: string; name?: string }> = [];
  let last = 0;
  for (const match of body.matchAll(SLOT)) {
    const start = match.index ?? 0;
    if (start > last) out.push({ kind: "text", value: body.slice(last, start) });
    out.push({ kind: "variable", value: match[0], name: match[1] });
    last = start + match[0].length;
  }
  if (last < body.length) out.push({ kind: "text", value: body.slice(last) });
  return out;
}

/** A `{{…}}` the author meant as a slot whose name is not an identifier (see findInvalidSlots). */
export type InvalidSlot = {
  /** The slot as written, e.g. `{{agent name}}`. */
  slot: string;
  /** Offset in the body. */
  index: number;
  /** The name part as written (trimmed), before any `|default`. */
  name: string;
  /** An identifier the author probably meant (`agent_name`), or null when there is nothing to go on. */
  suggestion: string | null;
  /** One sentence naming the slot and how to fix it. */
  message: string;
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Anything between double braces on one line, without braces inside. Multi-line or brace-holding
// spans (code, JSON, nested templates) are clearly not meant as slots and are left alone, as are
// names longer than MAX_SLOT_NAME (prose that happens to sit in braces).
const CANDIDATE = /\{\{([^{}\n]*)\}\}/g;
const MAX_SLOT_NAME = 64;

function suggestName(name: string): string | null {
  // Accents come off rather than the letter ("näme" → "name"), then anything else becomes "_".
  const cleaned = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!cleaned) return null;
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/**
 * Slots whose name is not a valid variable name (`{{}}`, `{{agent name}}`, `{{a-b}}`, `{{1st}}`):
 * the editor flags them as you type and the API refuses them. `{{ name }}` and `{{name|default}}`
 * are valid. Pure, shared by both sides.
 */
export function findInvalidSlots(body: string): InvalidSlot[] {
  const out: InvalidSlot[] = [];
  for (const match of body.matchAll(CANDIDATE)) {
    const name = match[1].split("|")[0].trim();
    if (IDENTIFIER.test(name) || name.length > MAX_SLOT_NAME) continue;
    const slot = match[0];
    const suggestion = suggestName(name);
    const message = !name
      ? `"${slot}" has no variable name; put one between the braces (e.g. {{name}})`
      : /^[0-9]/.test(name) && IDENTIFIER.test(`_${name}`)
        ? `"${slot}" is not a valid variable name; a name cannot start with a digit (e.g. ${suggestion})`
        : `"${slot}" is not a valid variable name; use letters, digits and _${suggestion ? ` (e.g. ${suggestion})` : ""}`;
    out.push({ slot, index: match.index ?? 0, name, suggestion, message });
  }
  return out;
}
