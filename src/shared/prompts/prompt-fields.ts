// The fields of a prompt and of its versions as the API validates them and as the editors limit
// them: one declaration for both (the editors' counters and maxLength read the same numbers).
import { z } from "zod";
import { notInvisibleText, visibleText } from "../text/visible-text";
import { CATEGORY_SLUGS } from "./categories";
import { normalizeTag } from "./tags";
import { findInvalidSlots } from "./variables";
import { VISIBILITY_NAMES } from "./visibility";

export const MAX_BODY_LENGTH = 50_000;
export const TITLE_MAX_LENGTH = 120;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const CHANGELOG_MAX_LENGTH = 500;

export const titleSchema = visibleText(z.string().trim().min(3, "must be at least 3 characters").max(TITLE_MAX_LENGTH, `is at most ${TITLE_MAX_LENGTH} characters`));
export const descriptionSchema = visibleText(z.string().trim().max(DESCRIPTION_MAX_LENGTH, `is at most ${DESCRIPTION_MAX_LENGTH} characters`));
export const visibilitySchema = z.enum(VISIBILITY_NAMES);
export const categorySchema = z.enum(CATEGORY_SLUGS, { error: `must be one of: ${CATEGORY_SLUGS.join(", ")}` });
export const TAG_MAX_LENGTH = 32;
export const MAX_TAGS = 10;
/** One tag, in its one spelling (tags.ts: "Customer Support" is "customer-support"). */
export const tagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, { error: "tags cannot be empty", abort: true })
      .max(TAG_MAX_LENGTH, `a tag is at most ${TAG_MAX_LENGTH} characters`)
      .regex(/^[a-z0-9][a-z0-9+#.-]*$/, "tags start with a letter or digit (a–z, 0–9) and may also use spaces, dashes, +, # and dots"),
  );
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);
export const bodySchema = notInvisibleText(
  z
    .string()
    .max(MAX_BODY_LENGTH, `is at most ${MAX_BODY_LENGTH} characters`)
    .refine((s) => s.trim().length > 0, "cannot be empty")
    // Every malformed {{slot}} is named, so the author can fix them all at once.
    .superRefine((s, ctx) => {
      for (const bad of findInvalidSlots(s).slice(0, 5)) ctx.addIssue({ code: "custom", message: bad.message });
    }),
);
export const changelogSchema = visibleText(z.string().trim().max(CHANGELOG_MAX_LENGTH, `is at most ${CHANGELOG_MAX_LENGTH} characters`));
export const variableMetadataSchema = z
  .array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "variable names are identifiers like customer_name"),
      default: z.string().max(2000).optional(),
      description: visibleText(z.string().max(300)).optional(),
    }),
  )
  .max(50);
export const modelSettingsSchema = z.record(z.string(), z.unknown()).refine((o) => JSON.stringify(o).length <= 4000, "is too large");
