// Each configured provider's models: the model ids configured for it when there are any (servers
// with no model list; a user's own provider or a HARNESS_PROVIDERS entry), otherwise its own model
// list (official SDKs), with context windows and prices from the shared tables. An unknown price or
// window is null, never 0. Lists are cached briefly: the Test form reads them on every visit, and a
// run checks its models against them.
import "server-only";
import { contextTokensFor } from "@/shared/models/model-context";
import { priceFor } from "@/shared/models/model-prices";
import { UpstreamError } from "../errors";
import { anthropicClient, openaiClient } from "./provider-clients";
import type { Db } from "@/server/db/prisma";
import { providersFor, requireProvider, type HarnessProvider } from "./providers";

export type CatalogueModel = { provider: string; model: string; contextTokens: number | null; inputUsdPerMTok: number | null; outputUsdPerMTok: number | null };

const CACHE_MS = 60_000;
const LIST_TIMEOUT_MS = 10_000;
const MAX_MODELS = 2_000;
const cache = new Map<string, { at: number; models: string[] }>();

async function fetchModelIds(p: HarnessProvider): Promise<string[]> {
  const ids: string[] = [];
  const pages = p.kind === "anthropic" ? anthropicClient(p, LIST_TIMEOUT_MS).models.list() : openaiClient(p, LIST_TIMEOUT_MS).models.list();
  for await (const m of pages) {
    ids.push(m.id);
    if (ids.length >= MAX_MODELS) break;
  }
  return ids.sort();
}

/** A provider's model ids: its configured ones, else its model list (cached), or a 502 saying which provider failed and why. */
export async function providerModelIds(p: HarnessProvider): Promise<string[]> {
  if (p.models?.length) return [...p.models].sort();
  // The key is part of the cache key so a changed configuration never serves another's list.
  const key = `${p.name}\u0000${p.baseUrl}\u0000${p.apiKey ?? ""}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.models;
  try {
    const models = await fetchModelIds(p);
    cache.set(key, { at: Date.now(), models });
    return models;
  } catch (e) {
    // A server may quote the key it refused: the message is shown, the key must not be.
    const reason = p.apiKey ? (e as Error).message.split(p.apiKey).join("[API key]") : (e as Error).message;
    throw new UpstreamError(`Could not list the models of provider "${p.name}": ${reason}`);
  }
}

function withPrice(provider: string, model: string, at: Date): CatalogueModel {
  const price = priceFor(model, at);
  return { provider, model, contextTokens: contextTokensFor(model), inputUsdPerMTok: price?.input ?? null, outputUsdPerMTok: price?.output ?? null };
}

/**
 * Models of one provider, or of every configured one. With no provider named, a provider whose
 * list fails is reported in `errors` rather than hiding the others.
 */
export async function listModels(db: Db, ownerId: string, input: { provider?: string }) {
  const now = new Date();
  if (input.provider) {
    const p = await requireProvider(db, ownerId, input.provider);
    return { models: (await providerModelIds(p)).map((m) => withPrice(p.name, m, now)), errors: [] as { provider: string; message: string }[] };
  }
  const all = await providersFor(db, ownerId);
  const configured = all.filter((p) => p.configured);
  const settled = await Promise.allSettled(configured.map((p) => providerModelIds(p)));
  const models: CatalogueModel[] = [];
  // An own provider whose key cannot be opened is reported too, rather than silently missing.
  const errors: { provider: string; message: string }[] = all.filter((p) => p.problem).map((p) => ({ provider: p.name, message: `Provider "${p.name}" cannot be used: ${p.problem}` }));
  settled.forEach((s, i) => {
    if (s.status === "fulfilled") models.push(...s.value.map((m) => withPrice(configured[i].name, m, now)));
    else errors.push({ provider: configured[i].name, message: (s.reason as Error).message });
  });
  return { models, errors };
}
