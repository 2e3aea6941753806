// API inputs of the embeddings router.
import { z } from "zod";
import { idSchema } from "../ids";

export const reembedJobInput = z.object({ jobId: idSchema.optional() }).default({});
