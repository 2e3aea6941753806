import { ORG_ROLE_DESCRIPTIONS, ORG_ROLE_LABELS, type OrgRole } from "@/shared/governance/org-roles";
import { Badge } from "@/components/ui/card";

const TONES = { admin: "indigo", owner: "emerald", contributor: "amber", consumer: "slate" } as const;

export function RoleBadge({ role }: { role: OrgRole }) {
  return (
    <Badge tone={TONES[role]} title={ORG_ROLE_DESCRIPTIONS[role]}>
      {ORG_ROLE_LABELS[role]}
    </Badge>
  );
}
