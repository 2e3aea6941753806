import "server-only";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiKeyRouter } from "./routers/api-key";
import { promptRouter } from "./routers/prompt";
import { userRouter } from "./routers/user";
import { versionRouter } from "./routers/version";
import { reviewRouter } from "./routers/review";
import { feedRouter } from "./routers/feed";
import { followRouter } from "./routers/follow";
import { socialRouter } from "./routers/social";
import { captureRouter } from "./routers/capture";
import { listingRouter } from "./routers/listing";
import { licenseRouter } from "./routers/license";
import { salesRouter } from "./routers/sales";
import { notificationRouter } from "./routers/notification";
import { harnessRouter } from "./routers/harness";
import { providerRouter } from "./routers/provider";
import { embeddingsRouter } from "./routers/embeddings";
import { detectedRouter } from "./routers/detected";
import { templateRouter } from "./routers/template";
import { analyticsRouter } from "./routers/analytics";
import { webhookRouter } from "./routers/webhook";
import { orgRouter } from "./routers/org";
import { auditRouter } from "./routers/audit";
import { favoriteRouter } from "./routers/favorite";
import { collectionRouter } from "./routers/collection";
import { labelRouter } from "./routers/label";

export const appRouter = createTRPCRouter({
  prompt: promptRouter,
  version: versionRouter,
  review: reviewRouter,
  apiKey: apiKeyRouter,
  user: userRouter,
  social: socialRouter,
  follow: followRouter,
  feed: feedRouter,
  capture: captureRouter,
  listing: listingRouter,
  license: licenseRouter,
  sales: salesRouter,
  notification: notificationRouter,
  harness: harnessRouter,
  provider: providerRouter,
  embeddings: embeddingsRouter,
  detected: detectedRouter,
  template: templateRouter,
  analytics: analyticsRouter,
  webhook: webhookRouter,
  org: orgRouter,
  audit: auditRouter,
  favorite: favoriteRouter,
  collection: collectionRouter,
  label: labelRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
