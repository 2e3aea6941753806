// API inputs of the collection router, composed from the fields the forms share.
import { z } from "zod";
import {
  collectionDescriptionSchema,
  collectionFieldsSchema,
  collectionTitleSchema,
  collectionVisibilitySchema,
  MAX_COLLECTION_ITEMS,
} from "@/shared/collections/collection-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

const slugSchema = z.string().trim().toLowerCase().min(1, "is required").max(120, "is too long");

export const createCollectionInput = collectionFieldsSchema;

export const updateCollectionInput = z
  .object({
    collectionId: idSchema,
    title: collectionTitleSchema.optional(),
    description: collectionDescriptionSchema.optional(),
    visibility: collectionVisibilitySchema.optional(),
  })
  .refine((i) => i.title !== undefined || i.description !== undefined || i.visibility !== undefined, { message: "give at least one of title, description, visibility", path: ["title"] });

export const collectionRefInput = z.object({ collectionId: idSchema });

/** Adds a prompt, or changes an item's pin: a versionId pins that version, none (or null) follows `production`. */
export const addPromptInput = z.object({ collectionId: idSchema, promptId: idSchema, versionId: idSchema.nullish() });
export const removePromptInput = z.object({ collectionId: idSchema, promptId: idSchema });

const orderIds = (what: string) =>
  z
    .array(idSchema)
    .min(1, `name at least one ${what}`)
    .max(MAX_COLLECTION_ITEMS, `at most ${MAX_COLLECTION_ITEMS} ${what}s`)
    .refine((ids) => new Set(ids).size === ids.length, `name each ${what} once`);

/**
 * The new order, first to last, as prompt ids or as item ids (`collection.bySlug`'s `items[].id`);
 * items not named keep their order after them.
 */
export const reorderInput = z
  .object({ collectionId: idSchema, promptIds: orderIds("prompt").optional(), itemIds: orderIds("item").optional() })
  .refine((v) => (v.promptIds === undefined) !== (v.itemIds === undefined), { message: "give the new order as promptIds or as itemIds (one of them)", path: ["promptIds"] });

export const bySlugInput = z.object({ slug: slugSchema });

/** `owner` (a handle) or `org` (a slug) lists theirs; `followed` the viewer's followed ones; nothing: the viewer's own (signed out: public ones). */
export const listCollectionsInput = paginationSchema.extend({
  owner: z.string().trim().toLowerCase().min(1, "is required").max(40, "is too long").optional(),
  org: slugSchema.optional(),
  followed: z.boolean().optional(),
});

export const forPromptInput = z.object({ promptId: idSchema });
export const setForToolsInput = z.object({ collectionId: idSchema, enabled: z.boolean({ error: "must be true or false" }) });
export const collectionFeedInput = paginationSchema.extend({});
