// Row ids in API inputs: opaque strings; a missing or oversized one is a 400 naming the field.
import { z } from "zod";

export const idSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim().min(1, "is required").max(64, "is too long");
