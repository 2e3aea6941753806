import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { auth } from "@/server/auth/config";
import { serverApi } from "@/trpc/server";
import { OrgCollections } from "./_components/org-collections";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { VISIBILITIES } from "@/shared/prompts/visibility";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/ui/date-time";
import { plural } from "@/components/ui/plural";
import { InvitationList } from "@/components/orgs/invitation-list";
import { RoleBadge } from "@/components/orgs/role-badge";
import { MembersPanel } from "./_components/members-panel";
import { InviteForm } from "./_components/invite-form";
import { SentInvitations } from "./_components/sent-invitations";
import { OrgSettingsForm } from "./_components/org-settings-form";

export const dynamic = "force-dynamic";

const loadOrg = cache(async (slug: string) => (await serverApi()).org.bySlug({ slug }).catch(notFoundOnMissing));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const org = await loadOrg((await params).slug);
  return { title: org.name };
}

export default async function OrgPage({ params }: { params: Promise<{ slug: string }> }) {
  const org = await loadOrg((await params).slug);
  const api = await serverApi();
  const session = await auth();
  const me = session?.user ?? null;
  const role = org.viewerRole;
  const [prompts, members, sent, invitations] = await Promise.all([
    api.org.prompts({ orgId: org.id }),
    org.can["member.list"] ? api.org.members({ orgId: org.id }) : Promise.resolve(null),
    org.can["member.invite"] ? api.org.sentInvitations({ orgId: org.id }) : Promise.resolve(null),
    me && !role ? api.org.invitations().then((all) => all.filter((i) => i.org.id === org.id)) : Promise.resolve([]),
  ]);
  const section = "space-y-3";
  const h2 = "text-lg font-semibold text-slate-900";

  return (
    <main className="mx-auto w-full max-w-4xl space-y-10 px-4 py-8 sm:py-10">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Organisation</p>
          <h1 className="break-words text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{org.name}</h1>
          {org.description ? <p className="mt-1.5 max-w-2xl text-sm text-slate-600">{org.description}</p> : null}
          <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span>{plural(org.memberCount, "member")}</span>
            <span aria-hidden>·</span>
            <span>since <DateTime value={org.createdAt} /></span>
            {role ? (<><span aria-hidden>·</span><span className="flex items-center gap-1">you are <RoleBadge role={role} /></span></>) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {org.can["prompt.create"] ? <ButtonLink href={`/new?org=${org.slug}`} size="sm">New prompt</ButtonLink> : null}
          {org.can["review.queue"] ? <ButtonLink href="/reviews" size="sm" variant="secondary">Reviews</ButtonLink> : null}
          {org.can["analytics.read"] ? <ButtonLink href={`/dashboard?org=${org.slug}`} size="sm" variant="secondary">Dashboard</ButtonLink> : null}
          {/* Site admins browse every audit entry (audit.list decides again). */}
          {org.can["audit.read"] || me?.role === "admin" ? <ButtonLink href={`/audit?org=${org.slug}`} size="sm" variant="secondary">Audit log</ButtonLink> : null}
          {org.can["webhook.manage"] ? <ButtonLink href={`/settings/webhooks?org=${org.slug}`} size="sm" variant="secondary">Webhooks</ButtonLink> : null}
        </div>
      </header>

      <InvitationList invitations={invitations} heading="Your invitation" className={section} headingClassName={h2} />

      <section aria-labelledby="prompts-heading" className={section}>
        <h2 id="prompts-heading" className={h2}>Prompts</h2>
        {prompts.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {prompts.map((p) => (
              <li key={p.id}>
                <Card className="h-full p-4 hover:border-slate-300">
                  <Link href={`/p/${p.slug}`} className="break-words font-semibold text-slate-900 hover:text-indigo-700">{p.title}</Link>
                  {p.description ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{p.description}</p> : null}
                  <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                    <Badge>{VISIBILITIES[p.visibility].label}</Badge>
                    {p.global ? <Badge tone="amber" title="Every version needs two approvals">Global</Badge> : null}
                    <span>by @{p.createdBy}</span>
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No prompts to show">{role ? "Owners and admins create prompts here, or transfer their own from a prompt's page." : "This organisation has no public prompts."}</EmptyState>
        )}
      </section>

      <OrgCollections org={org} canManage={Boolean(org.can["collection.manage"])} />

      {members && me ? (
        <section aria-labelledby="members-heading" className={section}>
          <h2 id="members-heading" className={h2}>Members</h2>
          {/* A site admin who is not a member reads the list; the role pickers and Remove need a role here. */}
          <MembersPanel orgId={org.id} orgSlug={org.slug} members={members} me={me.handle} myRole={role ?? "consumer"} canSetRole={org.can["member.setRole"]} canRemove={org.can["member.remove"]} />
        </section>
      ) : null}

      {sent && role ? (
        <section aria-labelledby="invite-heading" className={section}>
          <h2 id="invite-heading" className={h2}>Invite</h2>
          <InviteForm orgId={org.id} myRole={role} />
          {sent.length ? (
            <>
              <h3 className="pt-2 text-sm font-semibold text-slate-700">Pending invitations</h3>
              <SentInvitations invitations={sent} />
            </>
          ) : null}
        </section>
      ) : null}

      {org.can["org.update"] ? (
        <section aria-labelledby="settings-heading" className={section}>
          <h2 id="settings-heading" className={h2}>Settings</h2>
          <OrgSettingsForm orgId={org.id} name={org.name} description={org.description} />
        </section>
      ) : null}
    </main>
  );
}
