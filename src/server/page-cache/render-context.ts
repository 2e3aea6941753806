// What a cached render did besides its bytes, so that a hit can do it again: the prompt page views
// it recorded (src/trpc/record-prompt-view.ts reports each one here). Kept in an AsyncLocalStorage
// that server.ts opens around a cacheable request; one per process (process-singleton.ts), since
// Next's bundle and server.ts each load their own copy of this module.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { processSingleton } from "@/server/process-singleton";

/** A prompt page view as the page recorded it (domain/social/views.ts PageView); a hit records it for its own visitor. */
export type NotedView = { promptId: string; ownerId: string | null; versionId: string | null; listed: boolean };

type RenderContext = { views: NotedView[] };

const storage = () => processSingleton("page-cache.render-context", () => new AsyncLocalStorage<RenderContext>());

/** Runs `render` with a context that collects what it records; returns that context. */
export function collectRenderEffects(render: () => void): RenderContext {
  const context: RenderContext = { views: [] };
  storage().run(context, render);
  return context;
}

/** Called where a page render records a prompt view; a no-op outside a cacheable render. */
export function notePageView(view: NotedView): void {
  storage().getStore()?.views.push(view);
}
