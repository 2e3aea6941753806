"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ORG_ROLE_DESCRIPTIONS, ORG_ROLE_LABELS, ORG_ROLES, roleAtLeast, type OrgRole } from "@/shared/governance/org-roles";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";

const FIELDS = ["email", "handle", "role"] as const;

/** One box for either an email address (has an @ inside) or a handle (with or without a leading @). */
const whom = (text: string) => {
  const t = text.trim();
  return /.@/.test(t) ? { email: t } : { handle: t.replace(/^@/, "") };
};

export function InviteForm({ orgId, myRole }: { orgId: string; myRole: OrgRole }) {
  const router = useRouter();
  const trpc = useTRPC();
  const roles = ORG_ROLES.filter((r) => roleAtLeast(myRole, r));
  const [who, setWho] = useState("");
  const [role, setRole] = useState<OrgRole>("contributor");
  const [sent, setSent] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation(
    trpc.org.invite.mutationOptions({
      onSuccess: (inv) => {
        setSent(inv.inviteeHandle ? `Invited @${inv.inviteeHandle}: the invitation waits on their Organisations page.` : `Invited ${inv.email}. Send them this link (shown only now): whoever opens it, signed in, can accept.`);
        setLink(inv.invitePath ? new URL(inv.invitePath, window.location.origin).toString() : null);
        setWho("");
        router.refresh();
      },
    }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(invite.error, FIELDS);
  useFocusFirstInvalid(formRef, invite.error);
  const whoError = fe.errorFor("email", "Email") ?? fe.errorFor("handle", "Handle");
  const roleError = fe.errorFor("role", "Role");

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    setSent(null);
    setLink(null);
    invite.mutate({ orgId, role, ...whom(who) });
  }

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="grid gap-4 p-4 sm:grid-cols-[1fr_12rem] sm:p-5">
          <Field label="Email or handle" htmlFor="invite-who" error={whoError} hint="No email is sent: a handle's invitation waits on their Organisations page; an email address gets a link for you to send.">
            <Input id="invite-who" name="who" required value={who} placeholder="ada@example.com or @ada" onChange={(e) => { fe.touch("email"); fe.touch("handle"); setWho(e.target.value); }} aria-invalid={whoError ? true : undefined} aria-describedby={whoError ? "invite-who-error" : undefined} />
          </Field>
          <Field label="Role" htmlFor="invite-role" error={roleError} hint={ORG_ROLE_DESCRIPTIONS[role]}>
            <Select id="invite-role" name="role" value={role} onChange={(e) => { fe.touch("role"); setRole(e.target.value as OrgRole); }}>
              {roles.map((r) => (
                <option key={r} value={r}>{ORG_ROLE_LABELS[r]}</option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <FormErrorSummary error={invite.error} state={fe} />
            {sent && !invite.error ? <p className="text-sm font-medium text-emerald-700" aria-live="polite">{sent}</p> : null}
            {link && !invite.error ? (
              <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
                <Input readOnly aria-label="Invitation link" value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
                <Button type="button" size="sm" variant="secondary" onClick={() => void navigator.clipboard?.writeText(link)}>
                  Copy link
                </Button>
              </div>
            ) : null}
          </div>
        </div>
        <div className="flex justify-end rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5">
          <Button type="submit" disabled={invite.isPending}>{invite.isPending ? "Inviting…" : "Send invitation"}</Button>
        </div>
      </form>
    </Card>
  );
}
