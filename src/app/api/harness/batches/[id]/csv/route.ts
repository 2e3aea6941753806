// GET /api/harness/batches/:id/csv: a batch's cells as a CSV download, for its owner only (the
// session cookie or an API key; anyone else gets 404, as the procedures answer). Streamed page by
// page (src/server/domain/harness/batch-csv.ts decides what is in it).
import { createRequestContext } from "@/server/api/context";
import { DomainError } from "@/server/domain/errors";
import { batchCsv } from "@/server/domain/harness/batch-csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const ctx = await createRequestContext(req.headers);
    if (!ctx.viewer) return Response.json({ error: "Sign in to download this batch." }, { status: 401 });
    const { fileName, chunks } = await batchCsv(ctx.db, ctx.viewer, id);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
