import "server-only";
// A prompt page render counts as a view (and a listing view when it has an active listing). It is
// recorded here, beside the server caller, rather than inside prompt.bySlug, so that API and script
// reads never inflate view counts. The viewer is the signed-in user or, anonymously, a hash of the
// visitor's address and agent, so reloads within the window count once (domain/analytics).
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import { recordPageView, type PageView } from "@/server/domain/social/views";
import { viewerKeyFromHeaders } from "@/server/http/viewer-key";
import { isHeadRequest } from "@/server/http/head-request";
import { notePageView } from "@/server/page-cache/render-context";

type ShownPrompt = { id: string; owner: { id: string }; latestVersion: { id: string } | null; forSale: boolean; isOwner: boolean };

export function recordPromptView(prompt: ShownPrompt, viewerId: string | null) {
  // The owner's own visits count as nothing (domain/social/views.ts).
  const listed = prompt.forSale && !prompt.isOwner;
  const view: PageView = { promptId: prompt.id, ownerId: prompt.owner.id, versionId: prompt.latestVersion?.id ?? null, listed };
  // A cached copy of this render records the view again on every hit, as its own visitor (src/server/page-cache).
  notePageView(view);
  void headers()
    .then((h) => {
      // A HEAD (a link checker, an uptime monitor) is no view.
      if (!isHeadRequest(h)) recordPageView(getDb(), view, { actorId: viewerId, origin: { source: "web", viewerKey: viewerId ?? viewerKeyFromHeaders(h) } });
    })
    .catch((error: unknown) => console.error("[views]", error));
}
