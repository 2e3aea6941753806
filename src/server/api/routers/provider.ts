// A user's own model providers (Settings): add, list, remove. Keys are never sent back.
import { createTRPCRouter } from "../trpc";

export const providerRouter = createTRPCRouter({});
