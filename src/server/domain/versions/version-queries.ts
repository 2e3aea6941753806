import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { findReadablePrompt, findReadableVersion } from "../prompts/access";
import { diffText } from "../prompts/diff";
import type { PromptVariable } from "../prompts/variables";
import type { VersionRef } from "../prompts/schemas";
import { page, pageResult } from "../pagination";

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

/** Newest first. */
export async function listVersions(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const rows = await db.promptVersion.findMany({
    where: { promptId: prompt.id },
    orderBy: { number: "desc" },
    select: versionSelect,
    ...page(input),
  });
  return pageResult(rows.map(presentVersion), input.limit);
}

export async function getVersion(db: DbOrTx, viewer: Viewer, versionId: string) {
  const version = await findReadableVersion(db, viewer, versionId);
  const row = await db.promptVersion.findUniqueOrThrow({ where: { id: version.id }, select: versionSelect });
  return { ...presentVersion(row), prompt: { id: version.prompt.id, slug: version.prompt.slug, title: version.prompt.title } };
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
  return { from, to, ...diffText(from.body, to.body) };
}

