// The MCP endpoint (Streamable HTTP, stateless): see src/server/mcp/serve-mcp-http.ts.
import { getDb } from "@/server/db/client";
import { serveMcpHttp } from "@/server/mcp/serve-mcp-http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = (request: Request) => serveMcpHttp(request, getDb());

export { handler as GET, handler as POST, handler as DELETE };
