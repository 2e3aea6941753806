// Where a request that records usage came from, as the tRPC context knows it (api/context.ts): the
// browser ("web": a session or an anonymous visitor) or an API key ("api", with its id), and who the
// viewer is for de-duplicating views. Domain functions that record usage take it as a parameter;
// callers without one (tests, scripts, server components' direct calls) count as the web.
import type { UsageSource } from "@/generated/prisma/enums";

export type UsageOrigin = { source: UsageSource; apiKeyId?: string | null; viewerKey?: string | null };

export const WEB_ORIGIN: UsageOrigin = { source: "web" };

/** The origin's fields of a usage event: source, API key, and viewer key (else the actor's id). */
export function originFields(origin: UsageOrigin | undefined, actorId: string | null | undefined) {
  const o = origin ?? WEB_ORIGIN;
  return { source: o.source, apiKeyId: o.apiKeyId ?? null, actorId: actorId ?? null, viewerKey: actorId ?? o.viewerKey ?? null };
}
