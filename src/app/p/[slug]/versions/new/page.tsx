import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LockIcon } from "@/components/ui/icons";
import { NewVersionForm } from "./_components/new-version-form";

export const metadata: Metadata = { title: "New version" };
export const dynamic = "force-dynamic";

export default async function NewVersionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSignedIn(`/p/${slug}/versions/new`);

  const api = await serverApi();
  const prompt = await api.prompt.bySlug({ slug }).catch(notFoundOnMissing);
  // Publish (owners of personal prompts, organisation owners and admins) or propose for review
  // (contributors, and everyone on a global prompt); the server decides again on save.
  const [abilities, newest] = await Promise.all([api.version.abilities({ promptId: prompt.id }), api.version.list({ promptId: prompt.id, limit: 1 })]);
  const mode = abilities.publish ? "publish" : abilities.propose ? "propose" : null;

  const backLink = (
    <Link href={`/p/${prompt.slug}`} className="inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900">
      <span aria-hidden>←</span> {prompt.title}
    </Link>
  );

  if (!mode) {
    return (
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
        <div className="mb-6">{backLink}</div>
        <Card className="mx-auto max-w-xl p-8 text-center">
          <div aria-hidden className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-200">
            <LockIcon width={24} height={24} strokeWidth={1.8} />
          </div>
          <h1 className="text-xl font-semibold text-slate-900">{abilities.inOrg ? "Only the organisation's contributors can propose versions" : "Only the owner can add versions"}</h1>
          <p className="mt-2 text-sm text-slate-600">
            <span className="font-medium text-slate-800">{prompt.title}</span> belongs to @{prompt.owner.handle}. You can fork it to make your own
            copy and version that instead.
          </p>
          <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
            <ButtonLink href={`/p/${prompt.slug}`}>Back to the prompt</ButtonLink>
          </div>
        </Card>
      </main>
    );
  }

  const latestNumber = prompt.latestVersion?.number ?? 0;
  const nextNumber = (newest.items[0]?.number ?? 0) + 1;
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <div className="mb-6">{backLink}</div>
      <div className="mb-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{mode === "propose" ? "Propose a version" : "New version"}</h1>
        <p className="mt-1.5 text-sm text-slate-600">
          Editing <span className="font-medium text-slate-800">{prompt.title}</span>
          {latestNumber > 0 ? <>, starting from version {latestNumber}</> : null}.
        </p>
      </div>
      <NewVersionForm promptId={prompt.id} slug={prompt.slug} latestBody={prompt.latestVersion?.body ?? ""} nextNumber={nextNumber} mode={mode} approvalsNeeded={abilities.approvalsNeeded} />
    </main>
  );
}
