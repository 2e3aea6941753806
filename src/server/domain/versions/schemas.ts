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
