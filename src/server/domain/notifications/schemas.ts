import { z } from "zod";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

/** The most ids one markRead call takes (a page of the list). */
export const MAX_MARK_READ_IDS = 100;

export const listNotificationsInput = paginationSchema.extend({
  unreadOnly: z.boolean().optional(),
});

export const markReadInput = z.union(
  [
    z.object({ ids: z.array(idSchema).min(1, "lists at least one id").max(MAX_MARK_READ_IDS, `lists at most ${MAX_MARK_READ_IDS} ids`) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ],
  { error: "ids: give { ids: [...] } or { all: true }" },
);
