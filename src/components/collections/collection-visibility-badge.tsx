import { Badge } from "@/components/ui/card";
import { COLLECTION_VISIBILITIES, type CollectionVisibility } from "@/shared/collections/collection-fields";

const TONES = { private: "rose", members: "indigo", public: "emerald" } as const;

/** Who may see a collection; `quietPublic` leaves public ones unmarked (lists where most are). */
export function CollectionVisibilityBadge({ visibility, quietPublic = false }: { visibility: string; quietPublic?: boolean }) {
  if (!(visibility in COLLECTION_VISIBILITIES) || (quietPublic && visibility === "public")) return null;
  const v = visibility as CollectionVisibility;
  return (
    <Badge tone={TONES[v]} title={COLLECTION_VISIBILITIES[v].hint}>
      {COLLECTION_VISIBILITIES[v].label}
    </Badge>
  );
}
