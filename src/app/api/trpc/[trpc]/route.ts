import { TRPCError } from "@trpc/server";
import { createRequestContext } from "@/server/api/context";
import { serveTrpcHttp, TRPC_ENDPOINT } from "@/server/api/http-handler";
import { withApiRateLimit } from "@/server/api/rate-limited-context";
import { DomainError } from "@/server/domain/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A batch over 20 calls or a body over 2 MB is refused before any procedure runs (request-limits.ts).
const handler = (request: Request) =>
  serveTrpcHttp(
    request,
    async (req) => {
      try {
        // Per API key, user and client address (429 with RateLimit-* headers over a limit).
        return await withApiRateLimit(await createRequestContext(req.headers), req, TRPC_ENDPOINT);
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
