import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { limitTrpcRequest, trpcBatchOptions } from "@/server/api/request-limits";
import { DomainError } from "@/server/domain/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ENDPOINT = "/api/trpc";

// A batch over 20 calls or a body over 2 MB is refused before any procedure runs (request-limits.ts).
const handler = async (request: Request) => {
  const req = await limitTrpcRequest(request, ENDPOINT);
  if (req instanceof Response) return req;
  return serve(req);
};

const serve = (req: Request) =>
  fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    ...trpcBatchOptions,
    // Lets clients POST a query (long inputs such as render variables do not fit in a URL).
    allowMethodOverride: true,
    createContext: async () => {
      try {
        return await createRequestContext(req.headers);
      } catch (error) {
        if (error instanceof DomainError && error.status === 401) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message });
        throw error;
      }
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
