// tRPC over HTTP, as /api/trpc serves it: the request limits first (request-limits.ts), then the
// fetch adapter with batching and POSTed queries. The route handler supplies the real context;
// tests supply their own, so what they exercise is the same composition.
import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { TRPCError } from "@trpc/server";
import { RateLimitedError } from "@/server/domain/rate-limits/rate-limited-error";
import { rateLimitHeaders } from "@/server/http/rate-limit-headers";
import { limitTrpcRequest, trpcBatchOptions } from "./request-limits";
import { appRouter } from "./root";
import type { Context } from "./trpc";

export { TRPC_ENDPOINT } from "@/server/http/trpc-calls";
import { TRPC_ENDPOINT } from "@/server/http/trpc-calls";

export async function serveTrpcHttp(
  request: Request,
  createContext: (req: Request, opts: FetchCreateContextFnOptions) => Promise<Context>,
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void,
): Promise<Response> {
  const req = await limitTrpcRequest(request, TRPC_ENDPOINT);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    ...trpcBatchOptions,
    // Lets clients POST a query (long inputs such as render variables do not fit in a URL).
    allowMethodOverride: true,
    createContext: (opts) => createContext(req, opts),
    // RateLimit-* headers on every rate-limited request, Retry-After on a refusal (rate-limited-context.ts).
    responseMeta: ({ ctx, errors }) => {
      const state = ctx?.rateLimit ?? errors.map((e) => e.cause).find((c): c is RateLimitedError => c instanceof RateLimitedError)?.state;
      return state ? { headers: rateLimitHeaders(state) } : {};
    },
    onError,
  });
}
