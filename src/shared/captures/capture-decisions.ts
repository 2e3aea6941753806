// The identity decisions a capture can carry; "pending" means the background job has not run yet.

export const CAPTURE_DECISIONS = ["same", "variant", "new", "skipped", "pending"] as const;
export type CaptureDecision = (typeof CAPTURE_DECISIONS)[number];
