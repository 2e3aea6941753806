// GET /api/v1/prompts/{slug}?label=…|?version=N: a prompt's version for applications that fetch
// their prompts at run time (body, variables, model settings, which version and label), with an
// ETag (If-None-Match → 304). POST with {"variables": {…}}: the version rendered as prompt.render
// renders it. API keys with the read scope. See runtime-handlers.ts.
import { createRuntimePromptHandlers } from "./runtime-handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handlers = createRuntimePromptHandlers();

export const GET = handlers.GET;
export const POST = handlers.POST;
