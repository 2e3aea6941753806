import { CAPTURE_DECISIONS, type CaptureDecision } from "@/shared/captures/capture-decisions";

export type CaptureFilterValues = { model?: string; status?: "ok" | "error"; decision?: CaptureDecision; cursor?: string };
type Raw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;

/** The /captures query string, with anything unrecognised dropped rather than failing the page. */
export function parseCaptureSearchParams(sp: Raw): CaptureFilterValues {
  const status = first(sp.status);
  const decision = first(sp.decision);
  return {
    model: first(sp.model),
    status: status === "ok" || status === "error" ? status : undefined,
    decision: (CAPTURE_DECISIONS as readonly string[]).includes(decision ?? "") ? (decision as CaptureDecision) : undefined,
    cursor: first(sp.cursor),
  };
}

/** The /captures URL for these filters (and cursor). */
export function capturesHref(values: CaptureFilterValues) {
  const q = new URLSearchParams();
  for (const key of ["model", "status", "decision", "cursor"] as const) if (values[key]) q.set(key, values[key]);
  const s = q.toString();
  return s ? `/captures?${s}` : "/captures";
}
