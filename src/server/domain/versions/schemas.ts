// API inputs of the version router, composed from the version fields the editors share.
import { z } from "zod";
import { bodySchema, changelogSchema, modelSettingsSchema, variableMetadataSchema } from "@/shared/prompts/prompt-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const createVersionInput = z.object({
  promptId: idSchema,
  body: bodySchema,
  changelog: changelogSchema.optional(),
  variables: variableMetadataSchema.optional(),
  modelSettings: modelSettingsSchema.optional(),
});
export type CreateVersionInput = z.infer<typeof createVersionInput>;

export const listVersionsInput = paginationSchema.extend({ promptId: idSchema });
export const versionIdInput = z.object({ versionId: idSchema });

/** A version by number (1, 2, …) or by id. */
const versionRef = z.union([
  z.number().int().min(1, "must be a version number (1 or more) or a version id"),
  z.string().trim().min(1, "must be a version number (1 or more) or a version id").max(64).transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
]);
export type VersionRef = number | string;

export const diffInput = z.object({ promptId: idSchema, from: versionRef, to: versionRef });

export const promoteInput = z.object({
  versionId: idSchema,
  label: z.literal("production").default("production"),
});

/** A proposal takes what a new version takes. */
export const proposeVersionInput = createVersionInput;

const reviewComment = z.string().trim().max(2_000, "must be at most 2000 characters");
export const approveVersionInput = z.object({ versionId: idSchema, comment: reviewComment.optional() });
export const rejectVersionInput = z.object({ versionId: idSchema, comment: reviewComment.min(1, "is required: say why the proposal is rejected") });
export const deprecateVersionInput = z.object({
  versionId: idSchema,
  replacedByVersionId: idSchema.optional(),
  note: z.string().trim().max(2_000, "must be at most 2000 characters").optional(),
});
export const versionAbilitiesInput = z.object({ promptId: idSchema });
export const reviewQueueInput = z.object({ orgId: idSchema.optional() }).optional();
