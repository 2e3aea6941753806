import { z } from "zod";
import { CAPTURE_DECISIONS } from "@/shared/captures/capture-decisions";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";


const filterText = z.string().trim().min(1, "cannot be empty").max(200, "is at most 200 characters");

/** An exact HTTP status, or "error" (≥ 400) / "ok" (< 400). */
export const captureStatusFilter = z.union([
  z.number().int().min(100, "is not an HTTP status").max(599, "is not an HTTP status"),
  z.enum(["error", "ok"], { error: 'must be an HTTP status, "error" or "ok"' }),
]);

export const listCapturesInput = paginationSchema.extend({
  model: filterText.optional(),
  status: captureStatusFilter.optional(),
  provider: filterText.optional(),
  decision: z.enum(CAPTURE_DECISIONS, { error: `must be one of: ${CAPTURE_DECISIONS.join(", ")}` }).optional(),
  endUser: filterText.optional(),
  sessionId: filterText.optional(),
});
export type ListCapturesInput = z.infer<typeof listCapturesInput>;

export const captureByIdInput = z.object({ id: idSchema });

export const captureStatsInput = z
  .object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: "must be before to", path: ["from"] })
  .default({});
export type CaptureStatsInput = z.infer<typeof captureStatsInput>;
