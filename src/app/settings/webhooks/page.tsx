import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { Alert } from "@/components/ui/alert";
import { textParam } from "@/app/_components/search-params";
import { WebhooksPanel } from "./_components/webhooks-panel";
import { WebhookSigningHelp } from "./_components/webhook-signing-help";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

/** Settings → Webhooks: the viewer's own endpoints, or with ?org=<slug> an organisation's (webhook.manage). */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const orgSlug = textParam((await searchParams).org, 100);
  await requireSignedIn(orgSlug ? `/settings/webhooks?org=${encodeURIComponent(orgSlug)}` : "/settings/webhooks");
  const api = await serverApi();
  const listed = await api.webhook.list(orgSlug ? { orgSlug } : {}).catch((error: unknown) => {
    // A member whose role may not manage webhooks sees why, not a 404.
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return { forbidden: error.message };
    return notFoundOnMissing(error);
  });

  const back = orgSlug ? { href: `/o/${encodeURIComponent(orgSlug)}`, label: "Organisation" } : { href: "/settings", label: "Settings" };
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href={back.href} className="hover:text-slate-800 hover:underline">
          {back.label}
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="text-slate-700">Webhooks</span>
      </nav>
      {"forbidden" in listed ? (
        <>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Webhooks</h1>
          <Alert tone="warning" className="mt-6 max-w-2xl" title="You cannot manage this organisation’s webhooks">
            {listed.forbidden} Ask one of its admins or owners.
          </Alert>
        </>
      ) : (
        <>
          <div className="mb-8">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{listed.org ? `Webhooks of ${listed.org.name}` : "Webhooks"}</h1>
            <p className="mt-1.5 max-w-3xl text-sm text-slate-600">
              {listed.org
                ? "Promptuary POSTs a signed JSON message to these URLs when something happens in this organisation: versions proposed, approved, rejected or published, and sales of its prompts."
                : "Promptuary POSTs a signed JSON message to these URLs when something happens to you: a sale or refund of your listings, a new prompt or template found in your captured calls. An organisation’s version reviews go to its own webhooks."}
            </p>
          </div>
          <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <WebhooksPanel orgId={listed.org?.id ?? null} orgSlug={listed.org?.slug ?? null} initial={listed} />
            <WebhookSigningHelp />
          </div>
        </>
      )}
    </main>
  );
}
