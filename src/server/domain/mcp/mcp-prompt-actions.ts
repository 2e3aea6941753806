// What the MCP server does for a person (the key's owner): render one of their tool prompts
// (prompts/get), and the three tools — search the catalogue, get a prompt's version, render it.
// Every read goes through the same rules as the web and the API (readable prompts, approved
// versions only, paid bodies gated as prompt.render gates them); renders are prompt.render's own
// code, and every use is recorded with the caller's origin (source "mcp").
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { assertCanReadBody } from "../access/paid-access";
import { readablePromptsWhere } from "../access/prompt-access";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { renderVersion } from "../prompts/render-version";
import { searchPrompts } from "../prompts/search-prompts";
import { servedVersions } from "../collections/served-versions";
import { labelOf, servedVersionSelect, variablesOf } from "./served-version";
import { listToolPrompts } from "./tool-prompts";

/** prompts/get: one of the person's tool prompts, rendered with the arguments given. */
export async function renderToolPrompt(db: DbOrTx, actor: Actor, input: { slug: string; arguments: Record<string, string> }, usage: UsageOrigin) {
  const [prompt] = await listToolPrompts(db, actor, { slug: input.slug });
  if (!prompt) throw new NotFoundError(`Tool prompt "${input.slug}"`);
  const rendered = await renderVersion(db, actor, { versionId: prompt.versionId, variables: input.arguments }, usage);
  return { prompt, rendered };
}

/** search_prompts: the catalogue search the web uses, as this person sees it. */
export async function searchPromptsForTool(db: DbOrTx, actor: Actor, input: { query?: string; category?: string; tag?: string; limit?: number }) {
  const page = await searchPrompts(db, actor, { q: input.query, category: input.category, tag: input.tag, limit: input.limit ?? 10 });
  return {
    total: page.total,
    didYouMean: page.didYouMean,
    results: page.items.map((p) => ({
      slug: p.slug,
      title: p.title,
      description: p.description,
      category: p.category,
      tags: p.tags,
      author: p.owner.handle,
      versions: p.versionCount,
      bodyLocked: p.bodyLocked,
    })),
  };
}

/**
 * The version a tool asks for by slug (and number): NOT_FOUND for a prompt the person may not read
 * or a version that is not approved; FORBIDDEN for paid content they hold no license for.
 */
async function findServedVersion(db: DbOrTx, actor: Actor, slug: string, versionNumber?: number) {
  const prompt = await db.prompt.findFirst({ where: { AND: [{ slug }, readablePromptsWhere(actor)] }, select: { id: true, slug: true, title: true, description: true, ownerId: true } });
  if (!prompt) throw new NotFoundError(`Prompt "${slug}"`);
  const versionId = versionNumber === undefined ? (await servedVersions(db, [{ promptId: prompt.id, versionId: null }])).get(prompt.id)?.id : undefined;
  const version =
    versionNumber === undefined
      ? versionId && (await db.promptVersion.findUnique({ where: { id: versionId }, select: servedVersionSelect }))
      : await db.promptVersion.findFirst({ where: { promptId: prompt.id, number: versionNumber, status: "approved" }, select: servedVersionSelect });
  if (!version) throw new NotFoundError(versionNumber === undefined ? `An approved version of "${slug}"` : `Version ${versionNumber} of "${slug}"`);
  await assertCanReadBody(db, actor, prompt, version.number);
  return { prompt, version, label: labelOf(version) };
}

/** get_prompt: a version's body, variables and model settings. Each call is a use (kind render, as a fetch by the runtime endpoint is), counted every time; copies are counted once per person per 30 minutes. */
export async function getPromptForTool(db: DbOrTx, actor: Actor, input: { slug: string; version?: number }, usage: UsageOrigin) {
  const { prompt, version, label } = await findServedVersion(db, actor, input.slug, input.version);
  recordUsage(db, { kind: "render", promptId: prompt.id, versionId: version.id, ownerId: prompt.ownerId, ...originFields(usage, actor.id) });
  return {
    slug: prompt.slug,
    title: prompt.title,
    description: prompt.description,
    version: version.number,
    label,
    body: version.body,
    variables: variablesOf(version),
    modelSettings: version.modelSettings,
  };
}

/** render_prompt: prompt.render on the version get_prompt would serve. */
export async function renderPromptForTool(db: DbOrTx, actor: Actor, input: { slug: string; version?: number; variables: Record<string, string> }, usage: UsageOrigin) {
  const { prompt, version } = await findServedVersion(db, actor, input.slug, input.version);
  const rendered = await renderVersion(db, actor, { versionId: version.id, variables: input.variables }, usage);
  return { slug: prompt.slug, version: rendered.number, text: rendered.text, defaultsUsed: rendered.defaultsUsed, unknownVariables: rendered.unknownVariables };
}
