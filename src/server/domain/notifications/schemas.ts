import { z } from "zod";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

/** The most ids one markRead call takes (a page of the list). */
export const MAX_MARK_READ_IDS = 100;

export const listNotificationsInput = paginationSchema.extend({
  unreadOnly: z.boolean().optional(),
});

// One object rather than a union, so a list that is too long is named as such (a union would only
// say that neither shape matched).
export const markReadInput = z
  .object({
    ids: z.array(idSchema).min(1, "lists at least one id").max(MAX_MARK_READ_IDS, `lists at most ${MAX_MARK_READ_IDS} ids`).optional(),
    all: z.literal(true, { error: "must be true (or leave it out and give ids)" }).optional(),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: "give { ids: [...] } or { all: true }, not both", path: ["ids"] });
export type MarkReadInput = z.infer<typeof markReadInput>;
