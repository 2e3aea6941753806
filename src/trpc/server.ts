import "server-only";
// Server components call procedures directly, as the signed-in viewer, without HTTP.
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";

export const serverApi = cache(async () => createCaller(await createRequestContext(await headers())));
