// Where a Detected inbox entry stands: in the inbox, promoted to a library prompt, or dismissed.

export const DETECTED_STATUSES = ["detected", "promoted", "dismissed"] as const;
export type DetectedStatus = (typeof DETECTED_STATUSES)[number];
