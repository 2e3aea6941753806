// The Inngest client. Background functions live in inngest/functions/ (one per file) and only
// orchestrate domain calls; events are declared once in inngest/events.ts.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "promptuary" });
