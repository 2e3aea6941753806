import { z } from "zod";
import { apiKeyScopeSchema } from "@/shared/governance/api-key-scopes";
import { visibleText } from "@/shared/text/visible-text";

const MAX_GRACE_HOURS = 24 * 30;

export const createApiKeyInput = z.object({
  name: visibleText(z.string().trim().min(1, "is required").max(60, "is at most 60 characters")).default("API key"),
  /** None (or an empty list): the key may do everything its owner may. */
  scopes: z.array(apiKeyScopeSchema, { error: "must be a list of read, write, proxy, admin" }).max(4, "has at most 4 entries").optional(),
  /** A time in the future (checked by the domain against its clock). */
  expiresAt: z.coerce.date({ error: "must be a date and time, like 2027-01-31T00:00:00Z" }).optional(),
  rateLimitPerMinute: z.number({ error: "must be a whole number of requests per minute" }).int("must be a whole number of requests per minute").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").optional(),
});
const keyId = z.string().trim().min(1, "is required").max(64);
/** `{ id }`, or `{ keyId }` as an alias. */
export const revokeApiKeyInput = z
  .object({ id: keyId.optional(), keyId: keyId.optional() })
  .refine((i) => i.id ?? i.keyId, { message: "is required", path: ["id"] })
  .transform((i) => ({ id: (i.id ?? i.keyId) as string }));

export const rotateApiKeyInput = z.object({
  id: keyId,
  /** How long the old key keeps working, in hours (0: it stops now). */
  graceHours: z
    .number({ error: "must be a number of hours" })
    .min(0, "must be 0 or more")
    .max(MAX_GRACE_HOURS, `must be at most ${MAX_GRACE_HOURS} (30 days)`)
    .default(24),
});
