import { hrefWithQuery, textParam } from "@/app/_components/search-params";
import { DETECTED_STATUSES, type DetectedStatus } from "@/shared/captures/detected-statuses";

export type DetectedPageValues = { status: DetectedStatus; cursor?: string };

/** The /captures/detected query string; an unknown status reads as the inbox. */
export function parseDetectedSearchParams(sp: Record<string, string | string[] | undefined>): DetectedPageValues {
  const status = textParam(sp.status);
  return { status: (DETECTED_STATUSES as readonly string[]).includes(status ?? "") ? (status as DetectedStatus) : "detected", cursor: textParam(sp.cursor) };
}

/** The inbox is the default, so it has no parameter. */
export const detectedHref = ({ status, cursor }: Partial<DetectedPageValues>) =>
  hrefWithQuery("/captures/detected", { status: status === "detected" ? undefined : status, cursor });
