import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { DomainError } from "@/server/domain/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
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
