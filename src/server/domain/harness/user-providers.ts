// A user's own model providers (Settings): add, list, remove, and the callable form the harness
// uses. The key is sealed (domain/secret-box.ts) before it reaches the database and opened only here, on
// the server, for a call; what goes back to the browser is its last four characters at most.
// Everything is the owner's alone: another user's provider does not exist for you (NOT_FOUND).
import "server-only";
import { abortBatchInFlight } from "./batch-in-flight";
import type { Db } from "@/server/db/prisma";
import { DEFAULT_BASE_URLS, keyHintOf, MAX_OWN_PROVIDERS, PROVIDER_KINDS, type ProviderFields, type ProviderKind } from "@/shared/harness/provider-fields";
import type { Actor } from "../actor";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { harnessProviders, type HarnessProvider } from "./instance-providers";
import { openSecret, sealSecret, SecretBoxError } from "../secret-box";

/** The additional data each sealed key is bound to: a key copied onto another owner's row does not open. */
const keyContext = (ownerId: string) => `model-provider-key:${ownerId}`;

const rowSelect = { id: true, name: true, kind: true, baseUrl: true, keyCiphertext: true, keyHint: true, models: true, createdAt: true } as const;
type Row = { id: string; name: string; kind: string; baseUrl: string; keyCiphertext: string | null; keyHint: string | null; models: unknown; createdAt: Date };

export type OwnProviderView = {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  hasKey: boolean;
  /** The key's last four characters (null without a key, or when the key is too short to show any of it). */
  keyHint: string | null;
  models: string[];
  /** The instance now has a provider of this name, which wins; this one cannot be used until renamed (removed and added again). */
  shadowed: boolean;
  /** Why it cannot be used (its saved key cannot be decrypted), or null. */
  problem: string | null;
  createdAt: Date;
};

const kindOf = (kind: string): ProviderKind => ((PROVIDER_KINDS as readonly string[]).includes(kind) ? (kind as ProviderKind) : "openai-compatible");
const modelsOf = (json: unknown): string[] => (Array.isArray(json) ? json.filter((m): m is string => typeof m === "string") : []);

/** The key in clear, or the reason it cannot be had. The reason never contains the key. */
function openKey(row: Row, ownerId: string): { apiKey?: string; problem?: string } {
  if (!row.keyCiphertext) return {};
  try {
    return { apiKey: openSecret(row.keyCiphertext, { context: keyContext(ownerId) }) };
  } catch (e) {
    if (e instanceof SecretBoxError) return { problem: `its saved API key ${e.message}; remove the provider and add it again` };
    // A secret file that cannot be read or created: say so without the server's paths.
    console.error("[providers] cannot read the provider key secret:", (e as Error).message);
    return { problem: "its saved API key cannot be read on this server (the provider key secret is unavailable)" };
  }
}

function toHarnessProvider(row: Row, ownerId: string): HarnessProvider {
  const { apiKey, problem } = openKey(row, ownerId);
  return {
    name: row.name,
    kind: kindOf(row.kind),
    baseUrl: row.baseUrl,
    apiKey,
    configured: !problem,
    builtIn: false,
    own: true,
    models: modelsOf(row.models),
    ...(problem ? { problem } : {}),
  };
}

function toView(row: Row, ownerId: string, instanceNames: ReadonlySet<string>): OwnProviderView {
  return {
    id: row.id,
    name: row.name,
    kind: kindOf(row.kind),
    baseUrl: row.baseUrl,
    hasKey: row.keyCiphertext !== null,
    keyHint: row.keyHint,
    models: modelsOf(row.models),
    shadowed: instanceNames.has(row.name),
    problem: openKey(row, ownerId).problem ?? null,
    createdAt: row.createdAt,
  };
}

const instanceNames = () => new Set(harnessProviders().map((p) => p.name));

export async function addUserProvider(db: Db, actor: Actor, input: ProviderFields, request?: RequestMeta | null): Promise<OwnProviderView> {
  const taken = instanceNames();
  if (taken.has(input.name)) {
    throw new ValidationError(`name: "${input.name}" is one of this instance's providers; choose another name`, { name: ["is taken by one of this instance's providers"] });
  }
  if ((await db.modelProvider.count({ where: { ownerId: actor.id } })) >= MAX_OWN_PROVIDERS) {
    throw new ConflictError(`You can keep at most ${MAX_OWN_PROVIDERS} providers; remove one first.`);
  }
  const baseUrl = (input.baseUrl ?? DEFAULT_BASE_URLS[input.kind]).replace(/\/+$/, "");
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.modelProvider.create({
        data: {
          ownerId: actor.id,
          name: input.name,
          kind: input.kind,
          baseUrl,
          // Sealed here, so the clear key never reaches a query (nor an error message that quotes one).
          keyCiphertext: input.apiKey ? sealSecret(input.apiKey, { context: keyContext(actor.id) }) : null,
          keyHint: input.apiKey ? keyHintOf(input.apiKey) : null,
          models: input.models,
        },
        select: rowSelect,
      });
      // The log names the provider and the key's last characters at most, never the key.
      await recordAudit(tx, {
        actor,
        action: "provider.add",
        target: { type: "modelProvider", id: created.id },
        to: created.name,
        request,
        details: { kind: created.kind, baseUrl: created.baseUrl, hasKey: created.keyCiphertext !== null, keyHint: created.keyHint },
      });
      return created;
    });
    return toView(row, actor.id, taken);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConflictError(`name: you already have a provider named "${input.name}"`, { name: ["is already one of your providers"] });
    }
    throw error;
  }
}

export async function listUserProviders(db: Db, actor: Actor): Promise<OwnProviderView[]> {
  const rows = await db.modelProvider.findMany({ where: { ownerId: actor.id }, orderBy: { name: "asc" }, select: rowSelect, take: MAX_OWN_PROVIDERS * 2 });
  const taken = instanceNames();
  return rows.map((r) => toView(r, actor.id, taken));
}

export async function removeUserProvider(db: Db, actor: Actor, input: { id: string }, request?: RequestMeta | null): Promise<{ id: string; name: string }> {
  const row = await db.modelProvider.findFirst({ where: { id: input.id, ownerId: actor.id }, select: { id: true, name: true, kind: true, keyHint: true } });
  if (!row) throw new NotFoundError("Provider");
  const stopped = await db.$transaction(async (tx) => {
    const { count } = await tx.modelProvider.deleteMany({ where: { id: row.id, ownerId: actor.id } });
    // Two removals at once: only the one that deleted the row records it.
    if (count)
      await recordAudit(tx, { actor, action: "provider.remove", target: { type: "modelProvider", id: row.id }, from: row.name, request, details: { kind: row.kind, keyHint: row.keyHint } });
    // A removed key must stop being used at once: the owner's batches still calling this provider
    // fail now (their runner polls the status and aborts its calls) instead of at their next step.
    const active = await tx.harnessBatch.findMany({ where: { ownerId: actor.id, status: { in: ["queued", "running"] } }, select: { id: true, models: true } });
    const using = active.filter((b) => (b.models as { provider?: string }[]).some((m) => m.provider === row.name)).map((b) => b.id);
    if (using.length)
      await tx.harnessBatch.updateMany({
        where: { id: { in: using }, status: { in: ["queued", "running"] } },
        data: { status: "failed", error: `Provider "${row.name}" was removed while the batch ran; finished cells are kept.`, finishedAt: new Date() },
      });
    return using;
  });
  // Batches processed in this process stop their calls now; elsewhere the runner's status poll does.
  for (const batchId of stopped) abortBatchInFlight(batchId);
  return { id: row.id, name: row.name };
}

/** The user's providers in callable form, keys opened (server-side only: never return these to a client). */
export async function ownHarnessProviders(db: Db, ownerId: string): Promise<HarnessProvider[]> {
  const rows = await db.modelProvider.findMany({ where: { ownerId }, orderBy: { name: "asc" }, select: rowSelect, take: MAX_OWN_PROVIDERS * 2 });
  return rows.map((r) => toHarnessProvider(r, ownerId));
}
