import { CAPTURE_DECISIONS, type CaptureDecision } from "@/shared/captures/capture-decisions";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";

export type CaptureFilterValues = { model?: string; status?: "ok" | "error"; decision?: CaptureDecision; cursor?: string };
type Raw = Record<string, string | string[] | undefined>;

/** The /captures query string, with anything unrecognised dropped rather than failing the page. */
export function parseCaptureSearchParams(sp: Raw): CaptureFilterValues {
  const status = textParam(sp.status);
  const decision = textParam(sp.decision);
  return {
    model: textParam(sp.model),
    status: status === "ok" || status === "error" ? status : undefined,
    decision: (CAPTURE_DECISIONS as readonly string[]).includes(decision ?? "") ? (decision as CaptureDecision) : undefined,
    cursor: textParam(sp.cursor),
  };
}

/** The /captures URL for these filters (and cursor). */
export const capturesHref = ({ model, status, decision, cursor }: CaptureFilterValues) => hrefWithQuery("/captures", { model, status, decision, cursor });
