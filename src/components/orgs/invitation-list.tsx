"use client";
// The signed-in person's pending invitations, with Accept and Decline: on /orgs and, for one
// organisation, on its page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ORG_ROLE_LABELS, type OrgRole } from "@/shared/governance/org-roles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

/** `token`: the secret of the invitation link it was opened from (an email invitation). */
export type PendingInvitation = { id: string; role: OrgRole; expiresAt: Date; invitedBy: string; org: { slug: string; name: string }; token?: string; email?: string | null };

/**
 * Rendered by the page whether or not invitations are pending, with its own section and heading: an
 * answer refreshes the page, whose list then lacks the answered invitation, and this component
 * (kept in place) goes on showing it with "Joined." or "Declined." until the person moves on.
 */
export function InvitationList({ invitations, heading, className, headingClassName }: { invitations: PendingInvitation[]; heading: string; className: string; headingClassName: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [answered, setAnswered] = useState<Record<string, { how: "accepted" | "declined"; invitation: PendingInvitation }>>({});
  const onSuccess = (invitation: PendingInvitation, how: "accepted" | "declined") => () => {
    setAnswered((a) => ({ ...a, [invitation.id]: { how, invitation } }));
    router.refresh();
  };
  // The refresh drops an answered invitation from the server's list: it stays here with its answer.
  const shown = [...invitations, ...Object.values(answered).map((a) => a.invitation).filter((inv) => !invitations.some((i) => i.id === inv.id))];
  const accept = useMutation(trpc.org.acceptInvitation.mutationOptions());
  const decline = useMutation(trpc.org.declineInvitation.mutationOptions());
  const error = accept.error ?? decline.error;
  const busy = accept.isPending || decline.isPending;

  if (!shown.length) return null;
  return (
    <section aria-labelledby="invitations-heading" className={className}>
      <h2 id="invitations-heading" className={headingClassName}>{heading}</h2>
      <div className="space-y-3">
      {error ? <Alert tone="error" title="Could not answer the invitation.">{error.message}</Alert> : null}
      <ul className="grid gap-3">
        {shown.map((inv) => (
          <li key={inv.id}>
            <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  <span className="break-words">{inv.org.name}</span> <span className="text-slate-500">invites you as {ORG_ROLE_LABELS[inv.role].toLowerCase()}</span>
                </p>
                <p className="text-xs text-slate-500">
                  From @{inv.invitedBy}{inv.email ? ` to ${inv.email}` : ""} · open until <DateTime value={inv.expiresAt} />
                </p>
              </div>
              {answered[inv.id] ? (
                <p className="text-sm font-medium text-emerald-700" aria-live="polite">
                  {answered[inv.id].how === "accepted" ? "Joined." : "Declined."}
                </p>
              ) : (
                <div className="flex shrink-0 gap-2">
                  <Button size="sm" disabled={busy} onClick={() => accept.mutate({ invitationId: inv.id, token: inv.token }, { onSuccess: onSuccess(inv, "accepted") })}>
                    Accept
                  </Button>
                  <Button size="sm" variant="secondary" disabled={busy} onClick={() => decline.mutate({ invitationId: inv.id, token: inv.token }, { onSuccess: onSuccess(inv, "declined") })}>
                    Decline
                  </Button>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
      </div>
    </section>
  );
}
