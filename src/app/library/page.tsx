import type { Metadata } from "next";
import { ArrowRightIcon } from "@/components/ui/icons";
import { LicenseCard } from "@/components/marketplace/license-card";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstParam } from "@/app/_components/search-params";

export const metadata: Metadata = { title: "Library" };
export const dynamic = "force-dynamic";

export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ claimed?: string | string[] }> }) {
  await requireSignedIn("/library");

  const [licenses, sp] = await Promise.all([(await serverApi()).license.mine(), searchParams]);
  // Free checkouts land here with ?claimed=<licenseId>.
  const claimedId = firstParam(sp.claimed);
  const claimed = claimedId ? licenses.find((l) => l.id === claimedId) : undefined;
  const active = licenses.filter((l) => l.status === "active").length;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Library</h1>
          <p className="mt-1.5 text-sm text-slate-600">
            {licenses.length
              ? `The prompts you hold a license for: ${active} active${licenses.length > active ? `, ${licenses.length - active} revoked` : ""}. Each comes with its key, terms and receipt.`
              : "The prompts you buy or claim, with their license keys, terms and receipts."}
          </p>
        </div>
        {licenses.length ? (
          <ButtonLink href="/market" variant="secondary">
            Browse the Market
          </ButtonLink>
        ) : null}
      </header>

      {claimed ? (
        <Alert tone="success" title={`“${claimed.prompt.title}” is in your Library`} className="mt-6">
          Your license is active. Open the prompt to see its full text.
        </Alert>
      ) : null}

      <div className="mt-8">
        {licenses.length ? (
          <ul className="space-y-5" aria-label="Your licenses">
            {licenses.map((license) => (
              <li key={license.id}>
                <LicenseCard license={license} highlighted={license.id === claimed?.id} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            title="Your Library is empty"
            action={
              <ButtonLink href="/market">
                Browse the Market
                <ArrowRightIcon />
              </ButtonLink>
            }
          >
            When you buy a prompt or claim a free one, its license key, terms and receipt are kept here.
          </EmptyState>
        )}
      </div>
    </main>
  );
}
