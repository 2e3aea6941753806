// Every event the app sends, declared once with a zod schema for its data. The capture pipeline
// and analytics jobs add theirs here (names like `capture/request.recorded`).
import type { z } from "zod";

export const events = {} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
