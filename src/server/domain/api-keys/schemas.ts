import { z } from "zod";

export const createApiKeyInput = z.object({ name: z.string().trim().min(1, "is required").max(60, "is at most 60 characters").default("API key") });
export const revokeApiKeyInput = z.object({ id: z.string().trim().min(1, "is required").max(64) });
