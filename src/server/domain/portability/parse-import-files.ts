// Turns what someone hands to import into items (import-prompts.ts), without touching the disk or
// the database: a Promptuary JSONL export (one item per line, numbered from 1), promptfoo's prompt
// files as promptfoo reads them (.txt: prompts separated by lines holding only `---`; .json: one
// prompt, a chat array of {role, content} or any JSON, else the text; .yaml/.yml: one prompt, the
// parsed value; .md: one prompt, the whole file), and Markdown files with YAML front matter (title,
// description, category, tags, visibility, slug, changelog, variables, model settings; the body is
// the Markdown after it, in Promptuary's {{name|default}} syntax).
import { parse as parseYaml } from "yaml";
import type { FilePromptInput, ImportAt, ImportItem } from "./import-prompts";
import { convertNunjucks } from "./nunjucks-variables";

/** What files do not say: the CLI's --category and --visibility. */
export type FileDefaults = { category?: string; visibility?: string };

export function parseJsonl(text: string, file: string): ImportItem[] {
  const items: ImportItem[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const at: ImportAt = { file, line: index + 1 };
    if (line.trim() === "") return;
    try {
      items.push({ kind: "record", at, value: JSON.parse(line) as unknown });
    } catch (error) {
      items.push({ kind: "unreadable", at, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  return items;
}

const PROMPTFOO_EXTENSIONS = [".txt", ".json", ".yaml", ".yml", ".md"] as const;
export const isPromptfooFile = (path: string) => PROMPTFOO_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext));
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
export const hasFrontMatter = (content: string) => FRONT_MATTER.test(content.replace(/^\uFEFF/, ""));

const extensionOf = (path: string) => path.slice(path.lastIndexOf(".")).toLowerCase();
const withoutExtension = (path: string) => path.slice(0, path.lastIndexOf(".") > path.lastIndexOf("/") ? path.lastIndexOf(".") : undefined);
/** "prompts/customer_service.txt" → "Customer service". */
function titleFromPath(path: string) {
  const name = withoutExtension(path).split("/").at(-1)!.replace(/[-_]+/g, " ").trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A prompt from a promptfoo file: `path` is relative to what was imported (the slug's key). */
export function parsePromptfooFile(path: string, content: string, defaults: FileDefaults = {}): ImportItem[] {
  const text = content.replace(/^\uFEFF/, "");
  const ext = extensionOf(path);
  const base = { category: defaults.category, visibility: defaults.visibility } as Partial<FilePromptInput>;
  const item = (body: string, warnings: string[], line: number | null, key: string, title: string): ImportItem => ({ kind: "file", at: { file: path, line }, key, warnings, value: { ...base, title, body } as FilePromptInput });
  const one = (raw: string, line: number | null, key: string, title: string) => {
    const { body, warnings } = convertNunjucks(raw);
    return item(body, warnings, line, key, title);
  };
  if (ext === ".txt") {
    // As promptfoo: split on lines that are `---` once trimmed; each trimmed, non-empty part is a prompt.
    const parts: { raw: string; line: number }[] = [];
    let buffer: string[] = [];
    let start = 1;
    // A part's line is that of its first non-blank line.
    const flush = () => parts.push({ raw: buffer.join("\n").trim(), line: start + buffer.findIndex((l) => l.trim() !== "") });
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "---") {
        flush();
        buffer = [];
        start = i + 2;
      } else buffer.push(line);
    });
    flush();
    const prompts = parts.filter((p) => p.raw.length > 0);
    return prompts.map((p, i) =>
      prompts.length === 1 ? one(p.raw, p.line, withoutExtension(path), titleFromPath(path)) : one(p.raw, p.line, `${withoutExtension(path)}-${i + 1}`, `${titleFromPath(path)} ${i + 1}`),
    );
  }
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    let value: unknown;
    try {
      value = ext === ".json" ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      // promptfoo keeps a .json file that is not JSON as its text; YAML it cannot read is an error.
      if (ext === ".json") return [one(text.trim(), 1, withoutExtension(path), titleFromPath(path))];
      return [{ kind: "unreadable", at: { file: path, line: 1 }, message: `not YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` }];
    }
    if (typeof value === "string") return [one(value.trim(), 1, withoutExtension(path), titleFromPath(path))];
    // A chat (OpenAI's message array) or other structure: promptfoo sends it as JSON; so is the body.
    const warnings = new Set<string>();
    const converted = mapStrings(value, (s) => {
      const out = convertNunjucks(s);
      out.warnings.forEach((w) => warnings.add(w));
      return out.body;
    });
    return [item(JSON.stringify(converted, null, 2), [...warnings], 1, withoutExtension(path), titleFromPath(path))];
  }
  if (ext === ".md") return [one(text.trim(), 1, withoutExtension(path), titleFromPath(path))];
  return [{ kind: "unreadable", at: { file: path, line: null }, message: `not a prompt file promptfoo reads as text (${PROMPTFOO_EXTENSIONS.join(", ")})` }];
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/** Model settings in front matter: a `modelSettings` (or `model_settings`) map, plus these keys at the top level. */
const MODEL_KEYS = ["model", "temperature", "max_tokens", "top_p", "frequency_penalty", "presence_penalty", "stop"] as const;

/** A Markdown file with YAML front matter; the body is the Markdown after it (promptfoo's {{variables}}). */
export function parseMarkdownPrompt(path: string, content: string, defaults: FileDefaults = {}): ImportItem {
  const text = content.replace(/^\uFEFF/, "");
  const at: ImportAt = { file: path, line: 1 };
  const match = FRONT_MATTER.exec(text);
  let meta: Record<string, unknown> = {};
  if (match) {
    try {
      const parsed: unknown = parseYaml(match[1]);
      if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) return { kind: "unreadable", at, message: "front matter: is not a map of fields (title: …, category: …)" };
      meta = (parsed ?? {}) as Record<string, unknown>;
    } catch (error) {
      return { kind: "unreadable", at, message: `front matter: not YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
    }
  }
  // Promptuary's own syntax ({{name|default}}), not Nunjucks: these files are written for it.
  const body = (match ? text.slice(match[0].length) : text).trim();
  const nested = meta.modelSettings ?? meta.model_settings;
  const modelSettings: Record<string, unknown> = nested && typeof nested === "object" && !Array.isArray(nested) ? { ...(nested as Record<string, unknown>) } : {};
  for (const key of MODEL_KEYS) if (meta[key] !== undefined) modelSettings[key] = meta[key];
  const value = {
    slug: meta.slug,
    title: meta.title ?? titleFromPath(path),
    description: meta.description,
    category: meta.category ?? defaults.category,
    tags: typeof meta.tags === "string" ? meta.tags.split(",").map((t) => t.trim()) : meta.tags,
    visibility: meta.visibility ?? defaults.visibility,
    changelog: meta.changelog,
    variables: meta.variables,
    body,
    modelSettings,
  } as FilePromptInput;
  return { kind: "file", at, key: withoutExtension(path), value };
}
