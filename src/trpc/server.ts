import "server-only";
// Server components call procedures directly, as the signed-in viewer, without HTTP.
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { readOncePerRender } from "@/server/domain/access/render-scope";

export const serverApi = cache(async () => {
  const context = await createRequestContext(await headers());
  // A page render only reads: what its procedures all ask (may this prompt be read, what widens the
  // viewer's view) is asked once (the session's viewer is a new object per request; an API key's may be shared).
  if (context.viewer && !context.apiKey) readOncePerRender(context.viewer);
  return createCaller(context);
});
