"use client";
// Members with their roles. Those who may change roles get a role picker (never above their own
// role, and not for members above them); those who may remove members get Remove; everyone gets
// Leave on their own row. The server decides every one of these again.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ORG_ROLES, ORG_ROLE_LABELS, roleAtLeast, type OrgRole } from "@/shared/governance/org-roles";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { RoleBadge } from "@/components/orgs/role-badge";

type Member = { userId: string; handle: string; name: string | null; image: string | null; role: OrgRole };

export function MembersPanel({ orgId, orgSlug, members, me, myRole, canSetRole, canRemove }: { orgId: string; orgSlug: string; members: Member[]; me: string; myRole: OrgRole; canSetRole: boolean; canRemove: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setNotice(message);
    router.refresh();
  };
  const setRole = useMutation(trpc.org.setRole.mutationOptions());
  const remove = useMutation(trpc.org.removeMember.mutationOptions());
  const leave = useMutation(trpc.org.leave.mutationOptions({ onSuccess: () => router.push("/orgs") }));
  const error = setRole.error ?? remove.error ?? leave.error;
  const busy = setRole.isPending || remove.isPending || leave.isPending;
  const grantable = ORG_ROLES.filter((r) => roleAtLeast(myRole, r));

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error" title="Could not change the membership.">{error.message}</Alert> : null}
      {notice && !error ? <p className="text-sm font-medium text-emerald-700" aria-live="polite">{notice}</p> : null}
      <Card>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => {
            const self = m.handle === me;
            const mayChange = canSetRole && roleAtLeast(myRole, m.role);
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <Avatar name={m.name} handle={m.handle} image={m.image} size={32} />
                {/* At least 10rem for the name: on a narrow screen the controls move to a line of their own rather than cut it. */}
                <div className="min-w-0 flex-1 basis-40">
                  <a href={`/u/${m.handle}`} className="block text-sm font-medium [overflow-wrap:anywhere] text-slate-900 hover:text-indigo-700">
                    {m.name || m.handle} {self ? <span className="text-slate-500">(you)</span> : null}
                  </a>
                  <p className="text-xs [overflow-wrap:anywhere] text-slate-500">@{m.handle}</p>
                </div>
                <div className="ml-auto flex items-center gap-2">
                  {mayChange ? (
                    <>
                      <label htmlFor={`role-${m.userId}`} className="sr-only">Role of @{m.handle}</label>
                      <Select
                        id={`role-${m.userId}`}
                        className="w-36"
                        value={m.role}
                        disabled={busy}
                        onChange={(e) => {
                          const role = e.target.value as OrgRole;
                          setRole.mutate({ orgId, handle: m.handle, role }, { onSuccess: done(`@${m.handle} is now ${ORG_ROLE_LABELS[role].toLowerCase()}.`) });
                        }}
                      >
                        {grantable.map((r) => (
                          <option key={r} value={r}>{ORG_ROLE_LABELS[r]}</option>
                        ))}
                      </Select>
                    </>
                  ) : (
                    <RoleBadge role={m.role} />
                  )}
                  {self ? (
                    <Button size="sm" variant="secondary" disabled={busy} onClick={() => { if (window.confirm(`Leave ${orgSlug}? You lose access to its members-only prompts.`)) leave.mutate({ orgId }); }}>
                      Leave
                    </Button>
                  ) : canRemove && roleAtLeast(myRole, m.role) ? (
                    <Button size="sm" variant="ghost" className="text-rose-700" disabled={busy} onClick={() => { if (window.confirm(`Remove @${m.handle} from the organisation?`)) remove.mutate({ orgId, handle: m.handle }, { onSuccess: done(`@${m.handle} was removed.`) }); }}>
                      Remove
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
