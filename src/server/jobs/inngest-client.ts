// The Inngest client. Events are declared once in events.ts and sent through send-event.ts; the
// background functions (top-level inngest/functions/, one per file, orchestration only) are
// created on this client and handed to Inngest or the in-process runner by the composition roots.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "promptuary" });
