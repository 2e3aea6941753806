import "server-only";
// Server components call procedures directly, as the signed-in viewer, without HTTP.
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { checkReadsOncePerRender } from "@/server/domain/access/prompt-access";

export const serverApi = cache(async () => {
  const context = await createRequestContext(await headers());
  // A page render only reads: its procedures' checks that a prompt may be read are asked once
  // (the session's viewer is a new object per request; an API key's may be shared).
  if (context.viewer && !context.apiKey) checkReadsOncePerRender(context.viewer);
  return createCaller(context);
});
