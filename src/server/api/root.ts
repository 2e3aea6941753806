import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiKeyRouter } from "./routers/api-key";
import { promptRouter } from "./routers/prompt";
import { userRouter } from "./routers/user";
import { versionRouter } from "./routers/version";

export const appRouter = createTRPCRouter({
  prompt: promptRouter,
  version: versionRouter,
  apiKey: apiKeyRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
