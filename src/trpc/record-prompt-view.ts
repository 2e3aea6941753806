import "server-only";
// A prompt page render counts as a view. It is recorded here, beside the server caller, rather
// than inside prompt.bySlug, so that API and script reads never inflate view counts.
import { getDb } from "@/server/db/client";
import { recordView } from "@/server/domain/social/views";
import { notePageView } from "@/server/page-cache/render-context";

export function recordPromptView(promptId: string) {
  recordView(getDb(), promptId);
  // A cached copy of this render records the view again on every hit (src/server/page-cache).
  notePageView(promptId);
}
