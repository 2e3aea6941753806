import { z } from "zod";
import { paginationSchema } from "../pagination";

export const followInput = z.object({ handle: z.string().trim().toLowerCase().min(1, "is required").max(40, "is too long") });
export const followListInput = paginationSchema.extend({ handle: followInput.shape.handle });
