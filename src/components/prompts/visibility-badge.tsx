import { Badge } from "@/components/ui/card";
import { VISIBILITIES, type Visibility } from "@/shared/prompts/visibility";

const TONES = { private: "rose", unlisted: "amber", members: "indigo" } as const;

/** Shown only for prompts that are not public; its tooltip is the visibility's hint. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  if (visibility === "public") return null;
  return (
    <Badge tone={TONES[visibility]} title={VISIBILITIES[visibility].hint}>
      {VISIBILITIES[visibility].label}
    </Badge>
  );
}
