// A batch's rows of variable values, from an uploaded CSV (papaparse: RFC 4180 quoting, multi-line
// fields, runs in the browser and in Node) or JSONL file, checked against the version's variables
// before anything runs. Pure: the upload form previews the same errors the server refuses with.
// Rows are numbered from 1 as the user sees them: the CSV's records after the header, the JSONL's
// non-blank lines.
import Papa from "papaparse";

export type RowsFormat = "csv" | "jsonl";
export type BatchRow = Record<string, string>;
/** A problem with the upload: `row` 0 means the header (or the file as a whole). */
export type RowError = { row: number; column?: string; message: string };
export type ParsedRows = { format: RowsFormat; columns: string[]; rows: BatchRow[]; errors: RowError[] };
/** What a version's variables say about a row: names, and which have a default (may be left out). */
export type RowVariable = { name: string; default?: string };

/** One record as read: `broken` when the line itself is unusable (already reported), so its values are not checked again. */
type Rec = { row: number; values: Record<string, unknown>; broken?: boolean };

export const DEFAULT_BATCH_MAX_ROWS = 5000;
/** At most this many errors are listed; the rest are counted in one last line. */
export const MAX_ROW_ERRORS = 50;

/** "csv" or "jsonl" from a file name, else from the text's first non-blank character. */
export function detectFormat(text: string, fileName?: string): RowsFormat {
  const name = fileName?.toLowerCase() ?? "";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".csv")) return "csv";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

const describe = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`);

function parseCsv(text: string): { columns: string[]; records: Rec[]; errors: RowError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: "greedy" });
  const errors: RowError[] = [];
  const [header = [], ...body] = parsed.data;
  const columns = header.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (!c) errors.push({ row: 0, column: `#${i + 1}`, message: `column ${i + 1} of the header has no name` });
    else if (seen.has(c)) errors.push({ row: 0, column: c, message: `column "${c}" appears twice in the header` });
    seen.add(c);
  });
  // papaparse counts the header as data row 0 when header: false.
  for (const e of parsed.errors) if (e.code !== "UndetectableDelimiter") errors.push({ row: e.row ?? 0, message: e.message });
  const records = body.map((cells, i) => {
    const row = i + 1;
    const broken = cells.length !== columns.length;
    if (broken) errors.push({ row, message: `has ${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${columns.length}` });
    const values: Record<string, unknown> = {};
    // An empty cell is a value left out: the variable's default applies, or it is reported missing.
    columns.forEach((c, j) => {
      if (c && cells[j] !== undefined && cells[j] !== "") values[c] = cells[j];
    });
    return { row, values, broken };
  });
  return { columns, records, errors };
}

function parseJsonl(text: string): { columns: string[]; records: Rec[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const records: Rec[] = [];
  const columns = new Set<string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const row = records.length + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push({ row, message: `line ${i + 1} is not valid JSON (${(e as Error).message})` });
      records.push({ row, values: {}, broken: true });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push({ row, message: `line ${i + 1} is ${describe(value)}, expected an object of variable values` });
      records.push({ row, values: {}, broken: true });
      return;
    }
    for (const key of Object.keys(value)) columns.add(key);
    records.push({ row, values: value as Record<string, unknown> });
  });
  return { columns: [...columns], records, errors };
}

/**
 * Checks rows (from a file, or sent as objects to the API) against the version's variables: every
 * value a string, no column that is not a variable, every variable without a default given a
 * value, at most `maxRows` rows. Returns the rows as plain string maps and the errors by row and column.
 */
export function checkRows(
  records: Rec[],
  variables: RowVariable[],
  opts: { maxRows: number; columns?: string[] },
): { rows: BatchRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const names = new Set(variables.map((v) => v.name));
  const required = variables.filter((v) => v.default === undefined).map((v) => v.name);
  const list = variables.length ? variables.map((v) => v.name).join(", ") : "none";
  if (records.length === 0) errors.push({ row: 0, message: "there are no rows" });
  if (records.length > opts.maxRows) {
    errors.push({ row: 0, message: `there are ${records.length} rows; a batch may have at most ${opts.maxRows}` });
    return { rows: [], errors };
  }
  // Column problems are reported once, on the header, when the file has one.
  const unknownInHeader = new Set<string>();
  if (opts.columns) {
    for (const c of opts.columns) {
      if (c && !names.has(c)) {
        unknownInHeader.add(c);
        errors.push({ row: 0, column: c, message: `column "${c}" is not a variable of this version (variables: ${list})` });
      }
    }
    for (const name of required) if (!opts.columns.includes(name)) errors.push({ row: 0, column: name, message: `no column for the variable {{${name}}}, which has no default` });
  }
  const missingColumns = new Set(opts.columns ? required.filter((n) => !opts.columns!.includes(n)) : []);
  const rows = records.map(({ row, values, broken }) => {
    const out: BatchRow = {};
    for (const [key, value] of Object.entries(values)) {
      if (!names.has(key)) {
        if (!unknownInHeader.has(key)) errors.push({ row, column: key, message: `"${key}" is not a variable of this version (variables: ${list})` });
        continue;
      }
      if (typeof value !== "string") errors.push({ row, column: key, message: `is ${describe(value)}; values must be text (put it in quotes)` });
      else out[key] = value;
    }
    for (const name of required) {
      if (!broken && !(name in values) && !missingColumns.has(name)) errors.push({ row, column: name, message: `has no value for {{${name}}}, which has no default` });
    }
    return out;
  });
  return { rows, errors };
}

/** Parses and checks an upload. Errors are sorted by row and capped at MAX_ROW_ERRORS (+ a count of the rest). */
export function parseRows(text: string, variables: RowVariable[], opts: { format?: RowsFormat; fileName?: string; maxRows?: number } = {}): ParsedRows {
  const format = opts.format ?? detectFormat(text, opts.fileName);
  const parsed = format === "csv" ? parseCsv(text) : parseJsonl(text);
  const checked = checkRows(parsed.records, variables, { maxRows: opts.maxRows ?? DEFAULT_BATCH_MAX_ROWS, columns: format === "csv" ? parsed.columns : undefined });
  return { format, columns: parsed.columns, rows: checked.rows, errors: capErrors([...parsed.errors, ...checked.errors]) };
}

export function capErrors(errors: RowError[]): RowError[] {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  if (sorted.length <= MAX_ROW_ERRORS) return sorted;
  const rest = sorted.length - MAX_ROW_ERRORS;
  return [...sorted.slice(0, MAX_ROW_ERRORS), { row: sorted[MAX_ROW_ERRORS].row, message: `and ${rest} more problem${rest === 1 ? "" : "s"}` }];
}

/** "row 3, column topic: has no value…" — how errors are shown and how the API names them. */
export function rowErrorField(e: RowError): string {
  return e.row === 0 ? (e.column ? `rows.header.${e.column}` : "rows") : `rows.${e.row}${e.column ? `.${e.column}` : ""}`;
}
export function formatRowError(e: RowError): string {
  if (e.row === 0) return e.column ? `header, column ${e.column}: ${e.message}` : e.message;
  return `row ${e.row}${e.column ? `, column ${e.column}` : ""}: ${e.message}`;
}
