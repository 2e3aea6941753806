import { TRPCError } from "@trpc/server";
import { createRequestContext } from "@/server/api/context";
import { serveTrpcHttp } from "@/server/api/http-handler";
import { DomainError } from "@/server/domain/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A batch over 20 calls or a body over 2 MB is refused before any procedure runs (request-limits.ts).
const handler = (request: Request) =>
  serveTrpcHttp(
    request,
    async (req) => {
      try {
        return await createRequestContext(req.headers);
      } catch (error) {
        if (error instanceof DomainError && error.status === 401) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message });
        throw error;
      }
    },
    ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  );

export { handler as GET, handler as POST };
