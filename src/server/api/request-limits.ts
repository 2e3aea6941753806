// What one HTTP request to /api/trpc may ask for: at most MAX_BATCH_CALLS calls in a batch and a
// body of at most MAX_TRPC_BODY_BYTES. Both are refused before any procedure runs (or a context
// is created), in tRPC's own error shape so clients surface the message.
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { readCappedBytes } from "@/server/http/capped-body";
import { MAX_BATCH_CALLS } from "@/shared/api/request-limits";

export { MAX_BATCH_CALLS };

/** Generous for the largest input (a 50,000-character body, several times over); far from harmful. */
export const MAX_TRPC_BODY_BYTES = 2 * 1024 * 1024;

/** fetchRequestHandler's own batch cap, the same number (a second line behind limitTrpcRequest). */
export const trpcBatchOptions = { allowBatching: true, maxBatchSize: MAX_BATCH_CALLS } as const;

function refusal(status: 400 | 413, code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE", message: string): Response {
  const shape = { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status, path: null, fieldErrors: null } };
  return Response.json({ error: superjson.serialize(shape) }, { status, headers: { connection: "close" } });
}

/** How many calls a request batches, counted as tRPC splits its path. */
function batchedCalls(url: URL, endpoint: string): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.slice(endpoint.length).replace(/^\/|\/$/g, "");
  try {
    return decodeURIComponent(path).split(",").length;
  } catch {
    return path.split(",").length;
  }
}

/**
 * The request to hand to tRPC, with its body read (up to the cap), or the refusal to send back: a
 * batch of more than MAX_BATCH_CALLS calls is a 400, a body over MAX_TRPC_BODY_BYTES a 413.
 */
export async function limitTrpcRequest(req: Request, endpoint: string): Promise<Request | Response> {
  const calls = batchedCalls(new URL(req.url), endpoint);
  if (calls > MAX_BATCH_CALLS)
    return refusal(400, "BAD_REQUEST", `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send the rest in another request.`);
  // GET inputs live in the URL, which the HTTP server already bounds (16 KB of headers).
  if (req.method !== "POST") return req;
  const read = await readCappedBytes(req, MAX_TRPC_BODY_BYTES);
  if ("tooLarge" in read) return refusal(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MB.`);
  return new Request(req.url, { method: req.method, headers: req.headers, body: read.bytes, signal: req.signal });
}
