import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiKeyRouter } from "./routers/api-key";
import { promptRouter } from "./routers/prompt";
import { userRouter } from "./routers/user";
import { versionRouter } from "./routers/version";
import { feedRouter } from "./routers/feed";
import { followRouter } from "./routers/follow";
import { socialRouter } from "./routers/social";
import { captureRouter } from "./routers/capture";

export const appRouter = createTRPCRouter({
  prompt: promptRouter,
  version: versionRouter,
  apiKey: apiKeyRouter,
  user: userRouter,
  social: socialRouter,
  follow: followRouter,
  feed: feedRouter,
  capture: captureRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
