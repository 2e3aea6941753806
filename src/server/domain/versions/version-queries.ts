import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { findReadablePrompt, findReadableVersion } from "../access/prompt-access";
import type { DiffLine } from "@/shared/prompts/text-diff";
import { diffText } from "./diff";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { VersionRef } from "./schemas";
import { page, pageResult } from "../pagination";
import { bodyAccessOf, withBodyAccess } from "../access/paid-access";

/** The number of a prompt's latest version (versions are numbered 1..n; the `latest` label marks n). */
export async function latestVersionNumber(db: DbOrTx, promptId: string) {
  const latest = await db.promptLabel.findUnique({ where: { promptId_name: { promptId, name: "latest" } }, select: { version: { select: { number: true } } } });
  return latest?.version.number ?? 1;
}

export const versionSelect = {
  id: true,
  promptId: true,
  number: true,
  body: true,
  variables: true,
  modelSettings: true,
  changelog: true,
  createdAt: true,
  author: { select: { id: true, handle: true, name: true, image: true } },
  labels: { select: { name: true } },
} as const;

type RawVersion = { variables: unknown; labels: { name: string }[] };
export const presentVersion = <T extends RawVersion>({ variables, labels, ...rest }: T) => ({
  ...rest,
  variables: variables as PromptVariable[],
  labels: labels.map((l) => l.name),
});

/** Newest first. Paid bodies the viewer may not read come back as `body: null, bodyLocked: true`. */
export async function listVersions(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const [rows, access] = await Promise.all([
    db.promptVersion.findMany({
      where: { promptId: prompt.id },
      orderBy: { number: "desc" },
      select: versionSelect,
      ...page(input),
    }),
    bodyAccessOf(db, viewer, prompt),
  ]);
  return pageResult(rows.map((row) => withBodyAccess(presentVersion(row), access)), input.limit);
}

export async function getVersion(db: DbOrTx, viewer: Viewer, versionId: string) {
  const version = await findReadableVersion(db, viewer, versionId);
  const row = await db.promptVersion.findUniqueOrThrow({ where: { id: version.id }, select: versionSelect });
  const access = await bodyAccessOf(db, viewer, version.prompt);
  return { ...withBodyAccess(presentVersion(row), access), prompt: { id: version.prompt.id, slug: version.prompt.slug, title: version.prompt.title } };
}

export async function diffVersions(db: DbOrTx, viewer: Viewer, input: { promptId: string; from: VersionRef; to: VersionRef }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const refs = [input.from, input.to];
  const versions = await db.promptVersion.findMany({
    where: {
      promptId: prompt.id,
      OR: [{ number: { in: refs.filter((r) => typeof r === "number") } }, { id: { in: refs.filter((r) => typeof r === "string") } }],
    },
    select: { id: true, number: true, body: true, changelog: true, createdAt: true },
  });
  const find = (ref: VersionRef) => versions.find((v) => (typeof ref === "number" ? v.number === ref : v.id === ref));
  const from = find(input.from);
  const to = find(input.to);
  if (!from) throw new NotFoundError(`Version ${input.from}`);
  if (!to) throw new NotFoundError(`Version ${input.to}`);
  // A diff shows the bodies' text: when either side is withheld, only the versions are described.
  const access = await bodyAccessOf(db, viewer, prompt);
  const [shownFrom, shownTo] = [withBodyAccess(from, access), withBodyAccess(to, access)];
  if (shownFrom.bodyLocked || shownTo.bodyLocked) return { from: shownFrom, to: shownTo, bodyLocked: true, lines: [] as DiffLine[], added: 0, removed: 0, unchanged: 0 };
  return { from: shownFrom, to: shownTo, bodyLocked: false, ...diffText(from.body, to.body) };
}

