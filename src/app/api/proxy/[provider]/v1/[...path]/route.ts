// The capture proxy under `next dev` and Next deployments. `npm start` answers these paths on
// node:http before Next (server.ts); both mounts share one handler (src/server/proxy).
import { getProxyHandler } from "@/server/boot/capture-runtime";
import { serveWebRequest } from "@/server/proxy/web-adapter";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = (request: Request) => serveWebRequest(getProxyHandler(), request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD, handle as OPTIONS };
