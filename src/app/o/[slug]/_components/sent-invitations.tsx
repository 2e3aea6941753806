"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { OrgRole } from "@/shared/governance/org-roles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { RoleBadge } from "@/components/orgs/role-badge";

type Sent = { id: string; role: OrgRole; email: string | null; inviteeHandle: string | null; invitedBy: string; expiresAt: Date };

export function SentInvitations({ invitations }: { invitations: Sent[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const revoke = useMutation(trpc.org.revokeInvitation.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      {revoke.error ? <Alert tone="error" title="Could not revoke.">{revoke.error.message}</Alert> : null}
      <Card>
        <ul className="divide-y divide-slate-100">
          {invitations.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">{inv.inviteeHandle ? `@${inv.inviteeHandle}` : inv.email}</p>
                <p className="text-xs text-slate-500">by @{inv.invitedBy} · open until <DateTime value={inv.expiresAt} /></p>
              </div>
              <RoleBadge role={inv.role} />
              <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate({ invitationId: inv.id })}>Revoke</Button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
