// `npm run cli -- export` and `npm run cli -- import`: a library as JSONL, and prompts from a JSONL
// export, promptfoo's prompt files or a folder of Markdown files with front matter
// (src/server/domain/portability does the work; this reads the disk and prints the report).
import { createWriteStream, readdirSync, readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { once } from "node:events";
import type { Db } from "../../src/server/db/prisma";
import type { Actor } from "../../src/server/domain/actor";
import { exportPromptLines } from "../../src/server/domain/portability/export-prompts";
import { importPrompts, type ImportItem, type ImportReport } from "../../src/server/domain/portability/import-prompts";
import { hasFrontMatter, isPromptfooFile, parseJsonl, parseMarkdownPrompt, parsePromptfooFile, type FileDefaults } from "../../src/server/domain/portability/parse-import-files";

export class PortabilityUsageError extends Error {}

type WithDb = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
const FORMATS = ["jsonl", "promptfoo", "markdown"] as const;
type Format = (typeof FORMATS)[number];

async function ownerByHandle(db: Db, handle: string | undefined): Promise<Actor> {
  if (!handle) throw new PortabilityUsageError("--owner: is required (the handle of the library's owner)");
  const user = await db.user.findUnique({ where: { handle: handle.replace(/^@/, "") }, select: { id: true, handle: true, role: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new PortabilityUsageError(`--owner: no user with handle ${handle}`);
  return { id: user.id, handle: user.handle, role: user.role };
}

/** Writes the owner's export to `out` (or stdout); returns how many prompts. */
export async function runExport(withDb: WithDb, opts: { owner?: string; out?: string }) {
  return withDb(async (db) => {
    const owner = await ownerByHandle(db, opts.owner);
    const stream = opts.out ? createWriteStream(opts.out) : process.stdout;
    let prompts = 0;
    for await (const line of exportPromptLines(db, owner)) {
      prompts += 1;
      if (!stream.write(line)) await once(stream, "drain");
    }
    if (opts.out) await new Promise<void>((resolve, reject) => (stream as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
    return { owner: owner.handle, prompts, out: opts.out ?? null };
  });
}

/** Reads a file or a folder into import items, choosing each file's format (or using --format). */
export function readImportSource(path: string, format: string | undefined, defaults: FileDefaults): ImportItem[] {
  if (format !== undefined && !FORMATS.includes(format as Format)) throw new PortabilityUsageError(`--format: must be one of: ${FORMATS.join(", ")}`);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new PortabilityUsageError(`${path}: no such file or folder`);
  }
  const files = stat.isDirectory() ? walk(path).map((file) => ({ file, name: relative(path, file).split(sep).join("/") })) : [{ file: path, name: path.split(sep).join("/") }];
  const items: ImportItem[] = [];
  for (const { file, name } of files) {
    const content = readFileSync(file, "utf8");
    const chosen = (format as Format | undefined) ?? detect(name, content);
    if (!chosen) {
      if (!stat.isDirectory()) throw new PortabilityUsageError(`${name}: cannot tell its format; pass --format ${FORMATS.join("|")}`);
      continue; // A folder may hold other files (a README.txt is still a promptfoo prompt; images are not).
    }
    if (chosen === "jsonl") items.push(...parseJsonl(content, name));
    else if (chosen === "markdown") items.push(parseMarkdownPrompt(name, content, defaults));
    else items.push(...parsePromptfooFile(name, content, defaults));
  }
  return items;
}

function detect(name: string, content: string): Format | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".jsonl")) return "jsonl";
  if (lower.endsWith(".md") && hasFrontMatter(content)) return "markdown";
  return isPromptfooFile(lower) ? "promptfoo" : null;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = `${dir}${sep}${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export async function runImport(withDb: WithDb, opts: { path?: string; owner?: string; dryRun: boolean; format?: string; category?: string; visibility?: string }) {
  if (!opts.path) throw new PortabilityUsageError("import: give a FILE or FOLDER (npm run cli -- import FILE|FOLDER --owner HANDLE)");
  const items = readImportSource(opts.path, opts.format, { category: opts.category, visibility: opts.visibility });
  const owner = opts.owner ?? ownerNamedByExport(items);
  return withDb(async (db) => importPrompts(db, await ownerByHandle(db, owner), items, { dryRun: opts.dryRun, afterCommit: (ids) => embedNow(db, ids) }));
}

/** Without --owner, a Promptuary export goes back to the one library it names; anything else needs --owner. */
function ownerNamedByExport(items: ImportItem[]): string {
  const owners = new Set<string>();
  for (const item of items) {
    const named = item.kind === "record" && typeof item.value === "object" && item.value !== null ? (item.value as { owner?: unknown }).owner : undefined;
    if (typeof named === "string" && named) owners.add(named);
    else throw new PortabilityUsageError("--owner: is required (the handle of the library to import into): the input is not one Promptuary export naming its owner");
  }
  if (owners.size !== 1) throw new PortabilityUsageError(`--owner: is required: the file names ${owners.size ? `${owners.size} owners` : "no owner"}`);
  return [...owners][0];
}

/**
 * Embeds the imported prompts here (as the seed does): this process has no job runner, and the
 * server's runner does not hear its events. An embeddings outage leaves them to `reembed`.
 */
async function embedNow(db: Db, promptIds: string[]) {
  const { currentEmbedder } = await import("../../src/server/domain/embeddings/current-embedder");
  const { embedPrompt } = await import("../../src/server/domain/embeddings/embed-prompt");
  const embedder = currentEmbedder();
  try {
    for (const id of promptIds) await embedPrompt(db, id, embedder);
  } catch (error) {
    console.error(`import: embeddings skipped (${error instanceof Error ? error.message : String(error)}); run npm run cli -- reembed`);
  }
}

/** The report as text: one line per item (where, outcome, slug, why), then the totals. */
export function formatImportReport(report: ImportReport): string {
  const lines = report.results.map((r) => {
    const where = r.at.line === null ? r.at.file : `${r.at.file}:${r.at.line}`;
    return `${where}: ${r.outcome}${r.slug ? ` ${r.slug}` : ""}${r.message ? ` — ${r.message}` : ""}`;
  });
  const c = report.counts;
  lines.push(`${report.dryRun ? "Dry run (nothing written): would have " : ""}${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.conflict} conflicts, ${c.invalid} invalid.`);
  return lines.join("\n");
}
