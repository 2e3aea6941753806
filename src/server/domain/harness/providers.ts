// The providers a user can call in the test harness: the instance's (instance-providers.ts), then
// their own from Settings (user-providers.ts, keys decrypted here on the server). Keys and URLs stay
// on the server: the public view says what each provider is and whether it can be used.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { harnessProviders, KEY_VARIABLE, type HarnessProvider, type ProviderKind } from "./instance-providers";
import { ownHarnessProviders } from "./user-providers";

export { harnessProviders, type HarnessProvider, type ProviderKind };

export type PublicProvider = {
  name: string;
  kind: ProviderKind;
  configured: boolean;
  builtIn: boolean;
  own: boolean;
  /** Why it cannot be used: a setup hint for admins on an instance provider, or the owner's own provider's problem. */
  problem: string | null;
};

/** The providers a user can call: the instance's, then their own (Settings). */
export async function providersFor(db: Db, ownerId: string): Promise<HarnessProvider[]> {
  const instance = harnessProviders();
  const taken = new Set(instance.map((p) => p.name));
  // One of the user's named like a provider the instance added later stays out rather than shadowing it.
  const own = (await ownHarnessProviders(db, ownerId)).filter((p) => !taken.has(p.name));
  return [...instance, ...own];
}

function problemFor(p: HarnessProvider, viewer: Actor): string | null {
  if (p.problem) return p.problem;
  if (p.configured) return null;
  // Which variable to set is for whoever runs the instance.
  return viewer.role === "admin" ? `needs ${KEY_VARIABLE[p.name] ?? "an API key"}` : null;
}

/** What the browser may know: names, kinds and whether each can be used (no URLs, which may be internal, and no keys). */
export async function listProviders(db: Db, viewer: Actor): Promise<PublicProvider[]> {
  return (await providersFor(db, viewer.id)).map((p) => ({
    name: p.name,
    kind: p.kind,
    configured: p.configured,
    builtIn: p.builtIn,
    own: Boolean(p.own),
    problem: problemFor(p, viewer),
  }));
}

/** A provider that can be called, or a 400 naming the field and the problem (unknown, or no key). */
export async function requireProvider(db: Db, ownerId: string, name: string, field = "provider"): Promise<HarnessProvider> {
  const all = await providersFor(db, ownerId);
  const provider = all.find((p) => p.name === name);
  if (!provider) {
    const message = `Unknown provider "${name}" (available: ${all.map((p) => p.name).join(", ")})`;
    throw new ValidationError(message, { [field]: [message] });
  }
  if (provider.problem) {
    const message = `Provider "${name}" cannot be used: ${provider.problem}`;
    throw new ValidationError(message, { [field]: [message] });
  }
  if (!provider.configured) {
    const message = `Provider "${name}" is not configured: it has no API key (set ${KEY_VARIABLE[name] ?? "its apiKey"})`;
    throw new ValidationError(message, { [field]: [message] });
  }
  return provider;
}
