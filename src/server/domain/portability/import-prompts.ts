// Import of prompts into a person's library, item by item (a JSONL line, or a prompt read from a
// promptfoo or Markdown file). Each item is validated, then written in its own transaction, so an
// item that fails leaves nothing behind (never half a prompt) and the others go on. Prompts are
// matched by slug, which makes a second import of the same input change nothing:
// - a JSONL record (prompt-record.ts) creates the prompt with its exact history (numbers, dates,
//   statuses, labels with splits, lineage when the source is readable); on a prompt of yours with
//   that slug it only appends the versions the file has and it lacks (then its labels follow the
//   file); any other difference is a conflict, reported and skipped;
// - a file prompt creates the prompt, or appends a version when its content differs from the
//   latest; different metadata is a conflict.
// A dry run does the same inside one transaction that is rolled back (a savepoint per item), so
// it reports exactly what a real import would, and writes nothing.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db/prisma";
import {
  bodySchema,
  categorySchema,
  changelogSchema,
  descriptionSchema,
  modelSettingsSchema,
  tagsSchema,
  titleSchema,
  variableMetadataSchema,
} from "@/shared/prompts/prompt-fields";
import { mergeVariableMetadata } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { readablePromptsWhere } from "../access/prompt-access";
import { requestPromptEmbedding } from "../embeddings/request-embedding";
import { countFork } from "../prompts/fork-count";
import { slugify } from "../prompts/slug";
import { writeVersion } from "../versions/write-version";
import { describeIssues, personalVisibilitySchema, promptRecordSchema, recordSlugSchema, type PromptRecord } from "./prompt-record";
import { sameJson } from "./same-json";
import { findUnstorableText } from "@/shared/text/storable-text";

/** Where an item came from: a line of a JSONL file, or a file (and the line its prompt starts on). */
export type ImportAt = { file: string; line: number | null };

/** A prompt read from a promptfoo or Markdown file: its content, and the key its slug is made from. */
export const filePromptSchema = z.object({
  slug: recordSlugSchema.optional(),
  title: titleSchema,
  description: descriptionSchema.default(""),
  category: categorySchema,
  tags: tagsSchema.default([]),
  visibility: personalVisibilitySchema.default("private"),
  body: bodySchema,
  variables: variableMetadataSchema.optional(),
  modelSettings: modelSettingsSchema.default({}),
  changelog: changelogSchema.optional(),
});
export type FilePromptInput = z.input<typeof filePromptSchema>;

export type ImportItem =
  | { kind: "record"; at: ImportAt; value: unknown }
  | { kind: "file"; at: ImportAt; key: string; value: FilePromptInput; warnings?: string[] }
  /** Input that could not be read as a prompt at all (not JSON, unreadable YAML): reported as invalid. */
  | { kind: "unreadable"; at: ImportAt; message: string };

export type ImportOutcome = "created" | "updated" | "unchanged" | "conflict" | "invalid";
export type ImportResult = { at: ImportAt; outcome: ImportOutcome; slug: string | null; message: string };
export type ImportReport = { dryRun: boolean; results: ImportResult[]; counts: Record<ImportOutcome, number> };

/** An item refused after validation (a conflict with what is stored): its transaction rolls back. */
class ItemRefused extends Error {
  constructor(
    readonly outcome: "conflict" | "invalid",
    message: string,
    readonly slug: string | null = null,
  ) {
    super(message);
  }
}
class DryRunRollback extends Error {}

type Done = { outcome: "created" | "updated" | "unchanged"; slug: string; promptId: string | null; message: string };

export type ImportOptions = {
  dryRun?: boolean;
  /** After the commits, the prompts created or given a version: by default the embed job is asked (the CLI, which has no job runner, embeds them itself). */
  afterCommit?: (promptIds: string[]) => Promise<void>;
};

export async function importPrompts(db: Db, actor: Actor, items: ImportItem[], opts: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = opts.dryRun === true;
  const results: ImportResult[] = [];
  const toEmbed: string[] = [];
  const run = async (tx: Tx, item: ImportItem, savepoint: boolean) => {
    if (item.kind === "unreadable") return results.push({ at: item.at, outcome: "invalid", slug: null, message: item.message });
    try {
      if (savepoint) await tx.$executeRawUnsafe("SAVEPOINT import_item");
      const done = item.kind === "record" ? await importRecord(tx, actor, item.value) : await importFilePrompt(tx, actor, item);
      if (savepoint) await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_item");
      results.push({ at: item.at, outcome: done.outcome, slug: done.slug, message: done.message });
      if (done.promptId && done.outcome !== "unchanged") toEmbed.push(done.promptId);
    } catch (error) {
      if (savepoint) await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_item");
      if (!savepoint) throw error;
      results.push(failure(item, error));
    }
  };
  if (dryRun) {
    await db
      .$transaction(
        async (tx) => {
          for (const item of items) await run(tx, item, true);
          throw new DryRunRollback();
        },
        { timeout: 10 * 60_000, maxWait: 30_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
  } else {
    for (const item of items) {
      if (item.kind === "unreadable") {
        results.push({ at: item.at, outcome: "invalid", slug: null, message: item.message });
        continue;
      }
      try {
        await db.$transaction((tx) => run(tx, item, false), { timeout: 60_000, maxWait: 30_000 });
      } catch (error) {
        results.push(failure(item, error));
      }
    }
    // After the commits: the embed job must find the new bodies.
    const changed = [...new Set(toEmbed)];
    if (opts.afterCommit) await opts.afterCommit(changed);
    else for (const promptId of changed) await requestPromptEmbedding(promptId);
  }
  const counts = { created: 0, updated: 0, unchanged: 0, conflict: 0, invalid: 0 } satisfies Record<ImportOutcome, number>;
  for (const r of results) counts[r.outcome] += 1;
  return { dryRun, results, counts };
}

function failure(item: ImportItem, error: unknown): ImportResult {
  const slug = item.kind === "record" ? slugOf(item.value) : null;
  if (error instanceof ItemRefused) return { at: item.at, outcome: error.outcome, slug: error.slug ?? slug, message: error.message };
  // A database refusal (another import took the slug meanwhile, text it cannot store): nothing of the item was kept.
  const reason = error instanceof Error ? (error.message.split("\n").at(-1) ?? error.message) : "database error";
  console.error(`[import] ${item.at.file}${item.at.line === null ? "" : `:${item.at.line}`} not stored: ${reason}`);
  return { at: item.at, outcome: "conflict", slug, message: `not stored: ${reason}` };
}

const slugOf = (value: unknown) => (value && typeof value === "object" && "slug" in value && typeof value.slug === "string" ? value.slug : null);

function checkStorable(value: unknown) {
  const bad = findUnstorableText(value);
  if (bad) throw new ItemRefused("invalid", `${bad.path.join(".") || "(line)"}: ${bad.message}`);
}

// ---- JSONL records ------------------------------------------------------------------------------

const storedPromptSelect = {
  id: true,
  ownerId: true,
  orgId: true,
  title: true,
  description: true,
  category: true,
  tags: true,
  visibility: true,
  archivedAt: true,
  createdAt: true,
  forkedFromVersionId: true,
  versions: {
    orderBy: { number: "asc" },
    select: { id: true, number: true, body: true, variables: true, modelSettings: true, changelog: true, status: true, createdAt: true, decidedAt: true, deprecatedAt: true, deprecationNote: true, replacedById: true },
  },
  labels: { select: { name: true, splitPercent: true, version: { select: { number: true } }, splitVersion: { select: { number: true } } } },
} as const satisfies Prisma.PromptSelect;
type StoredPrompt = Prisma.PromptGetPayload<{ select: typeof storedPromptSelect }>;

async function importRecord(tx: Tx, actor: Actor, value: unknown): Promise<Done> {
  checkStorable(value);
  const parsed = promptRecordSchema.safeParse(value);
  if (!parsed.success) throw new ItemRefused("invalid", describeIssues(parsed.error));
  const record = parsed.data;
  const source = await resolveForkSource(tx, actor, record);
  const stored = await findStored(tx, record.slug);
  if (!stored) return createFromRecord(tx, actor, record, source);
  assertYours(stored, actor, record.slug);
  return appendFromRecord(tx, actor, record, stored, source);
}

async function findStored(tx: Tx, slug: string) {
  const found = await tx.prompt.findUnique({ where: { slug }, select: { id: true } });
  if (!found) return null;
  // Locked, so a concurrent save (writeVersion locks the same row) cannot interleave its number.
  await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${found.id} FOR UPDATE`;
  return tx.prompt.findUniqueOrThrow({ where: { id: found.id }, select: storedPromptSelect });
}

function assertYours(stored: { ownerId: string; orgId: string | null }, actor: Actor, slug: string) {
  if (stored.ownerId !== actor.id || stored.orgId !== null) throw new ItemRefused("conflict", `the slug "${slug}" is taken by a prompt that is not one of yours; nothing imported`, slug);
}

/** The version a record says it was forked from, when it exists here and the importer may read it; null otherwise (imported without lineage). */
async function resolveForkSource(tx: Tx, actor: Actor, record: PromptRecord) {
  if (!record.forkedFrom) return null;
  const version = await tx.promptVersion.findFirst({
    where: {
      number: record.forkedFrom.version,
      prompt: { AND: [{ slug: record.forkedFrom.slug }, readablePromptsWhere(actor)] },
      OR: [{ status: "approved" }, { prompt: { ownerId: actor.id, orgId: null } }],
    },
    select: { id: true },
  });
  return version;
}

const labelsOf = (record: PromptRecord) => record.labels.map((l) => ({ ...l, splitPercent: l.splitVersion === null ? 0 : l.splitPercent }));

async function createFromRecord(tx: Tx, actor: Actor, record: PromptRecord, source: { id: string } | null): Promise<Done> {
  const prompt = await tx.prompt.create({
    data: {
      slug: record.slug,
      title: record.title,
      description: record.description,
      category: record.category,
      tags: record.tags,
      visibility: record.visibility,
      ownerId: actor.id,
      archivedAt: record.archivedAt,
      createdAt: record.createdAt,
      forkedFromVersionId: source?.id ?? null,
    },
    select: { id: true },
  });
  const ids = await writeRecordVersions(tx, actor, prompt.id, record, 0);
  await setRecordLabels(tx, actor, prompt.id, record, ids, new Map());
  if (source) await countFork(tx, source.id, record.visibility === "public" ? 1 : 0);
  const labels = record.labels.map((l) => `${l.name} v${l.version}${l.splitVersion ? ` (${l.splitPercent}% v${l.splitVersion})` : ""}`).join(", ");
  const lineage = record.forkedFrom && !source ? `; forked from ${record.forkedFrom.slug} v${record.forkedFrom.version}, which is not readable here: imported without lineage` : "";
  return { outcome: "created", slug: record.slug, promptId: prompt.id, message: `${plural(record.versions.length, "version")}${labels ? `, labels ${labels}` : ""}${lineage}` };
}

/** Writes the record's versions after the first `from` (already stored); returns every version id by number. */
async function writeRecordVersions(tx: Tx, actor: Actor, promptId: string, record: PromptRecord, from: number, known = new Map<number, string>()) {
  const ids = new Map(known);
  for (const v of record.versions.slice(from)) {
    const created = await tx.promptVersion.create({
      data: {
        promptId,
        number: v.number,
        body: v.body,
        variables: mergeVariableMetadata(v.body, v.variables) as Prisma.InputJsonValue,
        modelSettings: v.modelSettings as Prisma.InputJsonValue,
        changelog: v.changelog,
        authorId: actor.id,
        status: v.status,
        decidedAt: v.decidedAt,
        deprecatedAt: v.deprecatedAt,
        deprecationNote: v.deprecationNote,
        createdAt: v.createdAt,
      },
      select: { id: true },
    });
    ids.set(v.number, created.id);
  }
  // Replacements point at versions that may come later in the list: set once all exist.
  for (const v of record.versions.slice(from)) {
    if (v.replacedBy !== null) await tx.promptVersion.update({ where: { id: ids.get(v.number)! }, data: { replacedById: ids.get(v.replacedBy)! } });
  }
  return ids;
}

/** Makes the prompt's labels those of the record, recording each move in the label history. */
async function setRecordLabels(tx: Tx, actor: Actor, promptId: string, record: PromptRecord, ids: Map<number, string>, current: Map<string, LabelState>) {
  const wanted = new Map(labelsOf(record).map((l) => [l.name, l]));
  for (const [name, before] of current) {
    if (wanted.has(name)) continue;
    await tx.promptLabel.delete({ where: { promptId_name: { promptId, name } } });
    await tx.promptLabelMove.create({ data: { promptId, name, fromNumber: before.version, toNumber: null, actorId: actor.id } });
  }
  for (const l of wanted.values()) {
    const before = current.get(l.name);
    if (before && sameLabel(before, l)) continue;
    const data = { versionId: ids.get(l.version)!, splitVersionId: l.splitVersion === null ? null : ids.get(l.splitVersion)!, splitPercent: l.splitPercent };
    await tx.promptLabel.upsert({ where: { promptId_name: { promptId, name: l.name } }, create: { promptId, name: l.name, ...data }, update: data });
    await tx.promptLabelMove.create({ data: { promptId, name: l.name, fromNumber: before?.version ?? null, toNumber: l.version, splitNumber: l.splitVersion, splitPercent: l.splitPercent, actorId: actor.id } });
  }
}

type LabelState = { version: number; splitVersion: number | null; splitPercent: number };
const sameLabel = (a: LabelState, b: LabelState) => a.version === b.version && a.splitVersion === b.splitVersion && a.splitPercent === b.splitPercent;
const storedLabels = (stored: StoredPrompt) =>
  new Map<string, LabelState>(stored.labels.map((l) => [l.name, { version: l.version.number, splitVersion: l.splitVersion?.number ?? null, splitPercent: l.splitVersion ? l.splitPercent : 0 }]));

const time = (d: Date | null) => (d ? d.getTime() : null);

async function appendFromRecord(tx: Tx, actor: Actor, record: PromptRecord, stored: StoredPrompt, source: { id: string } | null): Promise<Done> {
  const differences: string[] = [];
  const field = (name: string, same: boolean) => {
    if (!same) differences.push(name);
  };
  field("title", stored.title === record.title);
  field("description", stored.description === record.description);
  field("category", stored.category === record.category);
  field("tags", sameJson(stored.tags, record.tags));
  field("visibility", stored.visibility === record.visibility);
  field("archivedAt", time(stored.archivedAt) === time(record.archivedAt));
  field("createdAt", time(stored.createdAt) === time(record.createdAt));
  // Lineage the importer cannot resolve here is not a difference (the first import dropped it too).
  if (source) field("forkedFrom", stored.forkedFromVersionId === source.id);
  const numberOf = new Map(stored.versions.map((v) => [v.id, v.number]));
  for (const v of record.versions.slice(0, stored.versions.length)) {
    const s = stored.versions[v.number - 1];
    const changed = [
      s.body !== v.body && "body",
      !sameJson(s.variables, mergeVariableMetadata(v.body, v.variables)) && "variables",
      !sameJson(s.modelSettings, v.modelSettings) && "modelSettings",
      s.changelog !== v.changelog && "changelog",
      s.status !== v.status && "status",
      time(s.createdAt) !== time(v.createdAt) && "createdAt",
      time(s.decidedAt) !== time(v.decidedAt) && "decidedAt",
      time(s.deprecatedAt) !== time(v.deprecatedAt) && "deprecatedAt",
      s.deprecationNote !== v.deprecationNote && "deprecationNote",
      (s.replacedById ? (numberOf.get(s.replacedById) ?? null) : null) !== v.replacedBy && "replacedBy",
    ].filter(Boolean);
    if (changed.length) differences.push(`v${v.number} ${changed.join(", ")}`);
  }
  if (differences.length) throw new ItemRefused("conflict", `your prompt "${record.slug}" differs from this line in: ${differences.join("; ")}; nothing imported (versions never change: rename the slug to import it as another prompt)`);
  if (stored.versions.length >= record.versions.length) {
    const labels = storedLabels(stored);
    const fileLabels = labelsOf(record);
    const labelDiff = fileLabels.filter((l) => !labels.has(l.name) || !sameLabel(labels.get(l.name)!, l)).map((l) => l.name);
    const extra = [...labels.keys()].filter((n) => !fileLabels.some((l) => l.name === n));
    const ahead = stored.versions.length > record.versions.length;
    if (!ahead && (labelDiff.length || extra.length)) {
      throw new ItemRefused("conflict", `your prompt "${record.slug}" has the same versions but other labels (${[...labelDiff, ...extra].join(", ")}); nothing imported`);
    }
    return { outcome: "unchanged", slug: record.slug, promptId: stored.id, message: ahead ? `already has every version of this line and more (v${stored.versions.length})` : "already up to date" };
  }
  const known = new Map(stored.versions.map((v) => [v.number, v.id]));
  const ids = await writeRecordVersions(tx, actor, stored.id, record, stored.versions.length, known);
  await setRecordLabels(tx, actor, stored.id, record, ids, storedLabels(stored));
  await tx.prompt.update({ where: { id: stored.id }, data: { updatedAt: new Date() } });
  const added = record.versions.length - stored.versions.length;
  return { outcome: "updated", slug: record.slug, promptId: stored.id, message: `added ${plural(added, "version")} (v${stored.versions.length + 1}–v${record.versions.length}); labels follow the file` };
}

// ---- prompts from files -------------------------------------------------------------------------

/**
 * The slug of a file's prompt: its own `slug`, else one made from the file's key (its path). A
 * hidden prompt gets a suffix derived from the owner and the key (stable, so re-importing finds
 * it; unguessable, so it never holds a title's bare slug, as uniqueSlug promises).
 */
export function filePromptSlug(actor: Actor, key: string, visibility: string) {
  const base = slugify(key);
  if (visibility === "public") return base;
  return `${base}-${createHash("sha256").update(`${actor.id}:${key}`).digest("hex").slice(0, 12)}`;
}

async function importFilePrompt(tx: Tx, actor: Actor, item: Extract<ImportItem, { kind: "file" }>): Promise<Done> {
  checkStorable(item.value);
  const parsed = filePromptSchema.safeParse(item.value);
  if (!parsed.success) throw new ItemRefused("invalid", describeIssues(parsed.error));
  const p = parsed.data;
  const slug = p.slug ?? filePromptSlug(actor, item.key, p.visibility);
  const note = item.warnings?.length ? ` (${item.warnings.join("; ")})` : "";
  const content = { body: p.body, variables: p.variables, modelSettings: p.modelSettings };
  const stored = await findStored(tx, slug);
  if (!stored) {
    const prompt = await tx.prompt.create({
      data: { slug, title: p.title, description: p.description, category: p.category, tags: p.tags, visibility: p.visibility, ownerId: actor.id },
      select: { id: true },
    });
    await writeVersion(tx, actor, prompt.id, { ...content, changelog: p.changelog ?? `Imported from ${item.at.file}` }, "approved");
    return { outcome: "created", slug, promptId: prompt.id, message: `v1${note}` };
  }
  assertYours(stored, actor, slug);
  const differences = [
    stored.title !== p.title && "title",
    stored.description !== p.description && "description",
    stored.category !== p.category && "category",
    !sameJson(stored.tags, p.tags) && "tags",
    stored.visibility !== p.visibility && "visibility",
  ].filter(Boolean);
  if (differences.length) throw new ItemRefused("conflict", `your prompt "${slug}" differs in ${differences.join(", ")}; nothing imported`, slug);
  const latest = stored.versions.at(-1);
  const same = latest && latest.body === p.body && sameJson(latest.variables, mergeVariableMetadata(p.body, p.variables)) && sameJson(latest.modelSettings, p.modelSettings);
  if (same) return { outcome: "unchanged", slug, promptId: stored.id, message: `already up to date (v${latest.number})${note}` };
  const version = await writeVersion(tx, actor, stored.id, { ...content, changelog: p.changelog ?? `Imported from ${item.at.file}` }, "approved");
  return { outcome: "updated", slug, promptId: stored.id, message: `added v${version.number}${note}` };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
