import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InvitationList } from "@/components/orgs/invitation-list";
import { RoleBadge } from "@/components/orgs/role-badge";
import { plural } from "@/components/ui/plural";
import { CreateOrgForm } from "./_components/create-org-form";
import { Alert } from "@/components/ui/alert";
import { firstParam } from "@/app/_components/search-params";

export const metadata: Metadata = { title: "Organisations" };
export const dynamic = "force-dynamic";

export default async function OrgsPage({ searchParams }: { searchParams: Promise<{ invitation?: string | string[]; token?: string | string[] }> }) {
  const params = await searchParams;
  const linkId = firstParam(params.invitation);
  const linkToken = firstParam(params.token);
  // An invitation link brings its invitee back here after signing in (or up).
  await requireSignedIn(linkId && linkToken ? `/orgs?${new URLSearchParams({ invitation: linkId, token: linkToken })}` : "/orgs");
  const api = await serverApi();
  const [orgs, mine, linked] = await Promise.all([
    api.org.mine(),
    api.org.invitations(),
    linkId && linkToken ? api.org.invitationByLink({ invitationId: linkId, token: linkToken }).catch(() => "invalid" as const) : null,
  ]);
  const invitations = [...(linked && linked !== "invalid" ? [{ ...linked, token: linkToken }] : []), ...mine.filter((i) => !linked || linked === "invalid" || i.id !== linked.id)];

  return (
    <main className="mx-auto w-full max-w-3xl space-y-10 px-4 py-8 sm:py-10">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Organisations</h1>
        <p className="mt-1.5 text-sm text-slate-600">Teams that own prompts together: admins and owners publish, contributors propose versions for review, consumers use approved versions.</p>
      </div>

      {linked === "invalid" ? (
        <Alert tone="error" title="This invitation link does not work">
          It may have been answered, revoked or lapsed, or the link was cut short: ask whoever invited you for a new one.
        </Alert>
      ) : null}
      <InvitationList invitations={invitations} heading="Invitations for you" className="space-y-3" headingClassName="text-lg font-semibold text-slate-900" />

      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-lg font-semibold text-slate-900">Yours</h2>
        {orgs.length ? (
          <ul className="grid gap-3">
            {orgs.map((org) => (
              <li key={org.id}>
                <Card className="flex items-center justify-between gap-3 p-4 hover:border-slate-300">
                  <div className="min-w-0">
                    <Link href={`/o/${org.slug}`} className="break-words font-semibold text-slate-900 hover:text-indigo-700">
                      {org.name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      /o/{org.slug} · {plural(org.memberCount, "member")} · {plural(org.promptCount, "prompt")}
                    </p>
                  </div>
                  <RoleBadge role={org.role} />
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No organisations yet">Create one below, or ask an admin to invite you: an invitation to your handle appears here; one to an email address comes as a link from whoever invited you (no email is sent).</EmptyState>
        )}
      </section>

      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-lg font-semibold text-slate-900">New organisation</h2>
        <CreateOrgForm />
      </section>
    </main>
  );
}
