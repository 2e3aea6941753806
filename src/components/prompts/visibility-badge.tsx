import { Badge } from "@/components/ui/card";
import type { Visibility } from "@/shared/prompts/visibility";

/** Shown only for prompts that are not public. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  if (visibility === "public") return null;
  return (
    <Badge tone={visibility === "private" ? "rose" : "amber"} title={visibility === "private" ? "Only you can see this prompt" : "Anyone with the link can see this prompt; it is not listed"}>
      {visibility === "private" ? "Private" : "Unlisted"}
    </Badge>
  );
}
