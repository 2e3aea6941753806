// The runtime prompt endpoint's handlers, built around a random source (the split's coin) so tests
// can seed it; route.ts serves them with Math.random. Thin: authenticate the key (scope read, the
// API's rate limit), validate the query and body (400 naming the field), then one domain call.
import { ZodError, type z } from "zod";
import { authenticateKeyRequest } from "@/server/api/api-key-request";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { fetchRuntimePrompt, renderRuntimePrompt, type RuntimeVersion } from "@/server/domain/labels/runtime-prompt";
import type { RandomSource } from "@/server/domain/labels/pick-version";
import { runtimeQuery, runtimeRenderBody } from "@/server/domain/labels/schemas";
import { RateLimitedError } from "@/server/domain/rate-limits/rate-limited-error";
import { readCappedText } from "@/server/http/capped-body";
import { ifNoneMatchHits, strongEtag } from "@/server/http/etag";
import { rateLimitHeaders } from "@/server/http/rate-limit-headers";

type RouteContext = { params: Promise<{ slug: string }> };

/** Variables are short values; 256 KB is far beyond any real render. */
const MAX_BODY_BYTES = 256 * 1024;

/** Cached by the client, revalidated every time (the label may move); never by shared caches. */
const CACHE_HEADERS = { "cache-control": "private, no-cache", vary: "authorization, x-promptuary-key" };

function fieldErrorsOf(error: ZodError, prefix = ""): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = prefix + (issue.path.join(".") || "body").replace(/^\./, "");
    const messages = (out[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return out;
}

function badRequest(fieldErrors: Record<string, string[]>) {
  const message = Object.entries(fieldErrors).map(([field, msgs]) => `${field}: ${msgs.join(", ")}`).join("; ");
  return Response.json({ error: message, fieldErrors }, { status: 400 });
}

function errorResponse(error: unknown, extra: Record<string, string> = {}) {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = { ...extra };
    if (error instanceof RateLimitedError) Object.assign(headers, rateLimitHeaders(error.state));
    if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="promptuary"';
    return Response.json({ error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }, { status: error.status, headers });
  }
  console.error("[api/v1/prompts]", error);
  return Response.json({ error: "Something went wrong on our side; try again." }, { status: 500 });
}

function parseQuery(url: string): { ok: true; value: z.infer<typeof runtimeQuery> } | { ok: false; response: Response } {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const name of ["label", "version"]) {
    const all = params.getAll(name);
    if (all.length > 1) return { ok: false, response: badRequest({ [name]: ["must be given once"] }) };
    if (all.length === 1) raw[name] = all[0];
  }
  const parsed = runtimeQuery.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: badRequest(fieldErrorsOf(parsed.error)) };
}

/** Says which version was served (and by which label) in headers too, for clients that only look there. */
function servedHeaders(served: RuntimeVersion, etag?: string): Record<string, string> {
  return {
    "x-promptuary-version": String(served.version.number),
    "x-promptuary-version-id": served.version.id,
    ...(served.label ? { "x-promptuary-label": served.label } : {}),
    ...(etag ? { etag } : {}),
  };
}

export function createRuntimePromptHandlers(random: RandomSource = Math.random) {
  async function GET(req: Request, { params }: RouteContext): Promise<Response> {
    const { slug } = await params;
    let limitHeaders: Record<string, string> = {};
    try {
      const db = getDb();
      const caller = await authenticateKeyRequest(db, req.headers, "read");
      if (caller.rateLimit) limitHeaders = rateLimitHeaders(caller.rateLimit);
      const query = parseQuery(req.url);
      if (!query.ok) return query.response;
      const { served, body } = await fetchRuntimePrompt(db, caller.actor, { slug, ...query.value }, caller.usage, random);
      const json = JSON.stringify(body);
      const etag = strongEtag(json);
      const headers = { ...CACHE_HEADERS, ...limitHeaders, ...servedHeaders(served, etag) };
      if (ifNoneMatchHits(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
      return new Response(json, { status: 200, headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
    } catch (error) {
      return errorResponse(error, limitHeaders);
    }
  }

  async function POST(req: Request, { params }: RouteContext): Promise<Response> {
    const { slug } = await params;
    let limitHeaders: Record<string, string> = {};
    try {
      const db = getDb();
      const caller = await authenticateKeyRequest(db, req.headers, "read");
      if (caller.rateLimit) limitHeaders = rateLimitHeaders(caller.rateLimit);
      const query = parseQuery(req.url);
      if (!query.ok) return query.response;
      const read = await readCappedText(req, MAX_BODY_BYTES);
      if ("tooLarge" in read) return Response.json({ error: `body: larger than ${MAX_BODY_BYTES / 1024} KB` }, { status: 413, headers: limitHeaders });
      let json: unknown = {};
      if (read.text.trim()) {
        try {
          json = JSON.parse(read.text);
        } catch {
          return badRequest({ body: ['must be JSON such as {"variables": {"name": "value"}}'] });
        }
      }
      const parsed = runtimeRenderBody.safeParse(json);
      if (!parsed.success) return badRequest(fieldErrorsOf(parsed.error));
      const { served, body } = await renderRuntimePrompt(db, caller.actor, { slug, ...query.value }, parsed.data.variables, caller.usage, random);
      return Response.json(body, { headers: { "cache-control": "no-store", ...limitHeaders, ...servedHeaders(served) } });
    } catch (error) {
      return errorResponse(error, limitHeaders);
    }
  }

  return { GET, POST };
}
