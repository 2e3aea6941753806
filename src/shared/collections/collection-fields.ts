// A collection's fields as the API validates them and the forms limit them (one declaration for both),
// and who may see a collection, in words the forms and badges use.
import { z } from "zod";
import { visibleText } from "../text/visible-text";

export const COLLECTION_TITLE_MAX_LENGTH = 100;
export const COLLECTION_DESCRIPTION_MAX_LENGTH = 1000;
/** How many prompts one collection holds at most (reorder sends them all at once). */
export const MAX_COLLECTION_ITEMS = 200;

export const COLLECTION_VISIBILITIES = {
  private: { label: "Private", hint: "Only you can see it." },
  members: { label: "Members", hint: "Every member of the organisation can see it." },
  public: { label: "Public", hint: "Anyone can see and follow it; listed on the owner's profile." },
} as const satisfies Record<string, { label: string; hint: string }>;

export type CollectionVisibility = keyof typeof COLLECTION_VISIBILITIES;
export const COLLECTION_VISIBILITY_NAMES = Object.keys(COLLECTION_VISIBILITIES) as [CollectionVisibility, ...CollectionVisibility[]];

export const collectionTitleSchema = visibleText(
  z.string().trim().min(1, "is required").max(COLLECTION_TITLE_MAX_LENGTH, `is at most ${COLLECTION_TITLE_MAX_LENGTH} characters`),
);
export const collectionDescriptionSchema = visibleText(
  z.string().trim().max(COLLECTION_DESCRIPTION_MAX_LENGTH, `is at most ${COLLECTION_DESCRIPTION_MAX_LENGTH} characters`),
);
export const collectionVisibilitySchema = z.enum(COLLECTION_VISIBILITY_NAMES, { error: `must be one of: ${COLLECTION_VISIBILITY_NAMES.join(", ")}` });

/** "members" needs an organisation: a personal collection is private or public. */
export const MEMBERS_NEEDS_ORG = "members-only collections belong to an organisation: choose private or public";

/** The create form's fields, checked in the browser before sending and again by the API. */
export const collectionFieldsSchema = z
  .object({
    title: collectionTitleSchema,
    description: collectionDescriptionSchema.optional(),
    visibility: collectionVisibilitySchema,
    orgId: z.string().min(1).max(64).nullish(),
  })
  .refine((c) => c.visibility !== "members" || Boolean(c.orgId), { message: MEMBERS_NEEDS_ORG, path: ["visibility"] });

/** The message the keyboard and drag reorder announce (aria-live), worded once. */
export function movedMessage(title: string, position: number, total: number) {
  return `Moved "${title}" to position ${position} of ${total}.`;
}
