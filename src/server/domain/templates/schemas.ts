// API inputs of the template router: the owner's induced templates, one template with its captures'
// values, promotion to a library prompt, and the re-clustering job.
import { z } from "zod";
import { categorySchema, titleSchema } from "@/shared/prompts/prompt-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const listTemplatesInput = paginationSchema.default({ limit: 20 });
export type ListTemplatesInput = z.infer<typeof listTemplatesInput>;

export const templateByIdInput = paginationSchema.extend({ templateId: idSchema, limit: paginationSchema.shape.limit.default(50) });
export type TemplateByIdInput = z.infer<typeof templateByIdInput>;

export const promoteTemplateInput = z.object({ templateId: idSchema, title: titleSchema, category: categorySchema });
export type PromoteTemplateInput = z.infer<typeof promoteTemplateInput>;

export const templateJobInput = z.object({ jobId: idSchema });
