// GET /api/export: the signed-in user's own prompts as JSONL (one prompt per line with every
// version, labels, tags and lineage; domain/portability/export-prompts.ts), the file
// `npm run cli -- import` reads back. The session cookie only: API keys use the CLI or tRPC.
import { createRequestContext } from "@/server/api/context";
import { DomainError } from "@/server/domain/errors";
import { exportPromptLines } from "@/server/domain/portability/export-prompts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const refuse = (error: string, status: number) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

export async function GET(req: Request) {
  let ctx;
  try {
    ctx = await createRequestContext(req.headers);
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.message, error.status);
    throw error;
  }
  if (ctx.apiKey) return refuse("The prompts download is for a signed-in browser; with an API key, use `npm run cli -- export`.", 401);
  const viewer = ctx.viewer;
  if (!viewer) return refuse("Sign in to download your prompts.", 401);
  const lines = exportPromptLines(ctx.db, viewer);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const fileName = `promptuary-${viewer.handle}-prompts-${new Date().toISOString().slice(0, 10)}.jsonl`.replace(/[^\w.-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
