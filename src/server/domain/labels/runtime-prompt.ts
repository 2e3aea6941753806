// What the runtime endpoint (GET/POST /api/v1/prompts/{slug}) serves: a prompt's version chosen by
// number, or by label (production by default, falling back to latest when a prompt has no
// production yet, as tools do), with a label's split decided per request by weight. The same rules
// as everywhere: NOT_FOUND for a prompt or version the caller may not see (unapproved versions
// included), FORBIDDEN for a paid body without a license; a render is exactly prompt.render.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { readablePromptsWhere } from "../access/prompt-access";
import { assertCanReadBody } from "../access/paid-access";
import { assertVersionVisible } from "../access/version-visibility";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { DomainError } from "../errors";
import { renderVersion } from "../prompts/render-version";
import { LATEST_LABEL, PRODUCTION_LABEL } from "@/shared/prompts/label-names";
import type { PromptVariable } from "@/shared/prompts/variables";
import { pickLabelVersion, type RandomSource } from "./pick-version";

export type RuntimeSelector = { slug: string; label?: string; version?: number };

const versionSelect = { id: true, number: true, body: true, variables: true, modelSettings: true, status: true, deprecatedAt: true, createdAt: true } as const;

/** A 404 that says which field named what is missing. */
const notFound = (message: string, field: string) => new DomainError(message, 404, { [field]: ["not found"] });

export async function resolveRuntimeVersion(db: DbOrTx, viewer: Viewer, selector: RuntimeSelector, random?: RandomSource) {
  const prompt = await db.prompt.findFirst({
    where: { AND: [{ slug: selector.slug }, readablePromptsWhere(viewer)] },
    select: { id: true, slug: true, title: true, ownerId: true, orgId: true },
  });
  if (!prompt) throw notFound(`slug: no prompt "${selector.slug}" that this API key may read.`, "slug");

  let version;
  let label: string | null = null;
  let split: { label: string; versions: { number: number; percent: number }[] } | null = null;
  if (selector.version !== undefined) {
    version = await db.promptVersion.findUnique({ where: { promptId_number: { promptId: prompt.id, number: selector.version } }, select: versionSelect });
    if (version) await assertVersionVisible(db, viewer, { status: version.status, prompt }).catch(() => (version = null));
    if (!version) throw notFound(`version: prompt "${prompt.slug}" has no version ${selector.version} that this API key may read.`, "version");
  } else {
    // `production` (asked for, or by default) falls back to `latest` while a prompt has none: a
    // prompt never promoted is live at its newest published version. Other labels must exist.
    const names = !selector.label || selector.label === PRODUCTION_LABEL ? [PRODUCTION_LABEL, LATEST_LABEL] : [selector.label];
    const rows = await db.promptLabel.findMany({
      where: { promptId: prompt.id, name: { in: names } },
      select: { name: true, splitPercent: true, version: { select: versionSelect }, splitVersion: { select: versionSelect } },
    });
    const row = names.map((n) => rows.find((r) => r.name === n)).find((r) => r !== undefined);
    if (!row) throw notFound(selector.label ? `label: prompt "${prompt.slug}" has no label "${selector.label}".` : `label: prompt "${prompt.slug}" has no published version.`, "label");
    label = row.name;
    const picked = pickLabelVersion({ version: row.version, splitVersion: row.splitVersion, splitPercent: row.splitPercent }, random);
    version = picked.version;
    if (row.splitVersion && row.splitPercent > 0) {
      split = { label: row.name, versions: [{ number: row.version.number, percent: 100 - row.splitPercent }, { number: row.splitVersion.number, percent: row.splitPercent }] };
    }
  }
  await assertCanReadBody(db, viewer, { id: prompt.id, ownerId: prompt.ownerId }, version.number);
  return { prompt, version, label, split };
}

export type RuntimeVersion = Awaited<ReturnType<typeof resolveRuntimeVersion>>;

/** GET: the version as served (and a use of it, source api, counted per version for splits). */
export async function fetchRuntimePrompt(db: DbOrTx, viewer: Viewer, selector: RuntimeSelector, usage: UsageOrigin, random?: RandomSource) {
  const served = await resolveRuntimeVersion(db, viewer, selector, random);
  recordUsage(db, { kind: "render", promptId: served.prompt.id, versionId: served.version.id, ownerId: served.prompt.ownerId, ...originFields(usage, viewer?.id) });
  return { served, body: presentRuntimePrompt(served) };
}

export function presentRuntimePrompt({ prompt, version, label, split }: RuntimeVersion) {
  return {
    slug: prompt.slug,
    title: prompt.title,
    version: version.number,
    versionId: version.id,
    label,
    split,
    body: version.body,
    variables: version.variables as PromptVariable[],
    modelSettings: version.modelSettings as Record<string, unknown>,
    deprecated: version.deprecatedAt !== null,
    createdAt: version.createdAt.toISOString(),
  };
}

/** POST: the chosen version rendered with the variables, exactly as prompt.render (which records the use). */
export async function renderRuntimePrompt(db: DbOrTx, viewer: Viewer, selector: RuntimeSelector, variables: Record<string, string>, usage: UsageOrigin, random?: RandomSource) {
  const served = await resolveRuntimeVersion(db, viewer, selector, random);
  const rendered = await renderVersion(db, viewer, { versionId: served.version.id, variables }, usage);
  return {
    served,
    body: {
      slug: served.prompt.slug,
      version: rendered.number,
      versionId: rendered.versionId,
      label: served.label,
      split: served.split,
      text: rendered.text,
      defaultsUsed: rendered.defaultsUsed,
      unknownVariables: rendered.unknownVariables,
      modelSettings: served.version.modelSettings as Record<string, unknown>,
    },
  };
}
