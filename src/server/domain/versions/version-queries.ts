import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { findReadablePrompt, findReadableVersion, mayPromptAction } from "../access/prompt-access";
import { canSeeUnapprovedVersions, visibleVersionsWhere } from "../access/version-visibility";
import type { DiffLine } from "@/shared/prompts/text-diff";
import { diffText } from "./diff";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { VersionRef } from "./schemas";
import { page, pageResult } from "../pagination";
import { bodyAccessOf, withBodyAccess } from "../access/paid-access";
import { readAsAnonymousWhenSame } from "../access/public-reads";

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
  status: true,
  decidedAt: true,
  deprecatedAt: true,
  deprecationNote: true,
  replacedBy: { select: { id: true, number: true } },
  author: { select: { id: true, handle: true, name: true, image: true } },
  labels: { select: { name: true } },
} as const;

/** The reviews of a version, for those who may see unapproved versions. */
const reviewsSelect = { orderBy: { createdAt: "asc" }, select: { decision: true, comment: true, createdAt: true, reviewer: { select: { id: true, handle: true, name: true, image: true } } } } as const;

type RawVersion = { variables: unknown; labels: { name: string }[] };
export const presentVersion = <T extends RawVersion>({ variables, labels, ...rest }: T) => ({
  ...rest,
  variables: variables as PromptVariable[],
  labels: labels.map((l) => l.name),
});

/**
 * Newest first: approved versions, and for those who may see them (version-visibility.ts) the
 * proposals and rejected ones too, with their reviews. Paid bodies the viewer may not read come
 * back as `body: null, bodyLocked: true`.
 */
export async function listVersions(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  return readAsAnonymousWhenSame(db, viewer, `versions:${JSON.stringify(input)}`, (as) => listVersionsAs(db, as, input));
}

async function listVersionsAs(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const seesUnapproved = await canSeeUnapprovedVersions(db, viewer, prompt);
  const [rows, access] = await Promise.all([
    db.promptVersion.findMany({
      where: { promptId: prompt.id, ...(seesUnapproved ? {} : { status: "approved" }) },
      orderBy: { number: "desc" },
      select: { ...versionSelect, reviews: seesUnapproved ? reviewsSelect : { take: 0, ...reviewsSelect } },
      ...page(input),
    }),
    bodyAccessOf(db, viewer, prompt),
  ]);
  return pageResult(rows.map((row) => withBodyAccess(presentVersion(row), access)), input);
}

/**
 * What the viewer may do with a prompt's versions, for the page to offer the right buttons (the
 * server checks each action again). Publishing is never offered on a global organisation prompt.
 */
export async function versionAbilities(db: DbOrTx, viewer: Viewer, promptId: string) {
  return readAsAnonymousWhenSame(db, viewer, `version-abilities:${promptId}`, (as) => versionAbilitiesAs(db, as, promptId));
}

async function versionAbilitiesAs(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await findReadablePrompt(db, viewer, promptId);
  const may = (action: Parameters<typeof mayPromptAction>[3]) => mayPromptAction(db, viewer, prompt, action);
  const [publish, propose, approve, reject, deprecate, moveLabels, seeUnapproved] = await Promise.all([
    may("version.publish"),
    may("version.propose"),
    may("version.approve"),
    may("version.reject"),
    may("version.deprecate"),
    may("label.move"),
    canSeeUnapprovedVersions(db, viewer, prompt),
  ]);
  const inOrg = prompt.orgId !== null;
  return {
    inOrg,
    global: prompt.global,
    approvalsNeeded: prompt.global ? 2 : 1,
    publish: publish && !(inOrg && prompt.global),
    propose: inOrg && propose,
    approve: inOrg && approve,
    reject: inOrg && reject,
    deprecate,
    moveLabels,
    seeUnapproved,
  };
}

export async function getVersion(db: DbOrTx, viewer: Viewer, versionId: string) {
  const version = await findReadableVersion(db, viewer, versionId);
  const seesUnapproved = await canSeeUnapprovedVersions(db, viewer, version.prompt);
  const row = await db.promptVersion.findUniqueOrThrow({ where: { id: version.id }, select: { ...versionSelect, reviews: seesUnapproved ? reviewsSelect : { take: 0, ...reviewsSelect } } });
  const access = await bodyAccessOf(db, viewer, version.prompt);
  return { ...withBodyAccess(presentVersion(row), access), prompt: { id: version.prompt.id, slug: version.prompt.slug, title: version.prompt.title } };
}

export async function diffVersions(db: DbOrTx, viewer: Viewer, input: { promptId: string; from: VersionRef; to: VersionRef }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  const refs = [input.from, input.to];
  const versions = await db.promptVersion.findMany({
    where: {
      promptId: prompt.id,
      // A version the viewer may not see is "not found", like one that does not exist.
      ...(await visibleVersionsWhere(db, viewer, prompt)),
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

