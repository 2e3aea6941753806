import { z } from "zod";
import { visibleText } from "@/shared/text/visible-text";

export const createApiKeyInput = z.object({ name: visibleText(z.string().trim().min(1, "is required").max(60, "is at most 60 characters")).default("API key") });
const keyId = z.string().trim().min(1, "is required").max(64);
/** `{ id }`, or `{ keyId }` as an alias. */
export const revokeApiKeyInput = z
  .object({ id: keyId.optional(), keyId: keyId.optional() })
  .refine((i) => i.id ?? i.keyId, { message: "is required", path: ["id"] })
  .transform((i) => ({ id: (i.id ?? i.keyId) as string }));
