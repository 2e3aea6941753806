import type { Metadata } from "next";
import { cache } from "react";
import { DateTime } from "@/components/ui/date-time";
import { compactNumber } from "@/components/ui/format-number";
import type { VersionData } from "@/components/prompts/types";
import { EmptyState } from "@/components/ui/empty-state";
import { PromptListing } from "@/components/marketplace/prompt-listing";
import { PromptAnalyticsPanel } from "@/components/analytics/prompt-analytics-panel";
import { auth } from "@/server/auth/config";
import { categoryLabel } from "@/shared/prompts/categories";
import { recordPromptView } from "@/trpc/record-prompt-view";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { firstParam } from "@/app/_components/search-params";
import { CommentsSection } from "./_components/comments-section";
import { CompareVersions } from "./_components/compare-versions";
import { LabelsSection } from "./_components/labels-section";
import { LineageSection } from "./_components/lineage-section";
import { PromptHeader } from "./_components/prompt-header";
import { LiveStat, PromptStatsProvider } from "./_components/prompt-stats-context";
import { PromptWorkbench } from "./_components/prompt-workbench";
import { RatingsSection } from "./_components/ratings-section";
import { SimilarPromptsSection } from "./_components/similar-prompts-section";
import { isTryTab } from "./_components/try-tab-ids";
import { COMMENTS_PAGE_SIZE, REVIEWS_PAGE_SIZE } from "./_components/social-page-sizes";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<{ v?: string | string[]; tab?: string | string[]; run?: string | string[] }> };

/** A slug that does not exist, is private to someone else, or is malformed all read as "not found". */
const loadPrompt = cache(async (slug: string) => (await serverApi()).prompt.bySlug({ slug }).catch(notFoundOnMissing));

/** Every version, newest first (pages of 100; prompts rarely have more than a handful). */
async function loadVersions(promptId: string) {
  const api = await serverApi();
  const all: VersionData[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: { items: VersionData[]; nextCursor: string | null } = await api.version.list({ promptId, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const prompt = await loadPrompt((await params).slug);
  return { title: prompt.title, description: prompt.description || undefined };
}

export default async function PromptPage({ params, searchParams }: Params) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const prompt = await loadPrompt(slug);
  const api = await serverApi();
  const [session, versions, abilities, lineage, ratings, comments, similar] = await Promise.all([
    auth(),
    loadVersions(prompt.id),
    api.version.abilities({ promptId: prompt.id }),
    api.prompt.lineage({ promptId: prompt.id }),
    api.social.ratings({ promptId: prompt.id, limit: REVIEWS_PAGE_SIZE }),
    api.social.comments({ promptId: prompt.id, limit: COMMENTS_PAGE_SIZE }),
    // An embeddings outage (OpenAI) leaves the panel empty, never the page broken.
    api.prompt.similar({ promptId: prompt.id }).then(
      (r) => r.items,
      (error: unknown) => {
        console.error("[similar]", error);
        return null;
      },
    ),
  ]);
  // Buffered in memory and written in batches, so a page view costs no query.
  recordPromptView(prompt, session?.user?.id ?? null);
  const viewer = session?.user ? { id: session.user.id, isAdmin: session.user.role === "admin" } : null;
  const requested = Number(firstParam(sp.v));
  // By default the latest published version; proposals are a click away for those who see them.
  const initialNumber = versions.some((v) => v.number === requested) ? requested : (prompt.labels.latest?.number ?? versions[0]?.number ?? 1);
  const tabParam = firstParam(sp.tab);
  const initialTab = isTryTab(tabParam) ? tabParam : "render";

  return (
    <PromptStatsProvider
      initial={{ liked: prompt.liked, likeCount: prompt.likeCount, ratingAverage: prompt.ratingAverage, ratingCount: prompt.ratingCount, commentCount: prompt.commentCount }}
    >
      <main className="mx-auto max-w-6xl px-4 py-8">
        <PromptHeader prompt={prompt} signedIn={Boolean(viewer)} versionAction={abilities.publish ? "publish" : abilities.propose ? "propose" : null} />

        <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-10">
            <PromptListing prompt={prompt} signedIn={Boolean(viewer)} placement="main" />
            {versions.length ? (
              <PromptWorkbench key={prompt.id} versions={versions} initialNumber={initialNumber} isOwner={prompt.isOwner} signedIn={Boolean(viewer)} slug={prompt.slug} initialTab={initialTab} initialRunId={firstParam(sp.run) ?? null} versionViewer={{ id: viewer?.id ?? null, abilities }} />
            ) : (
              // Only unapproved versions exist (the viewer may not see them): one message, no comparison below.
              <EmptyState title="No published version yet">Its versions appear here once they are approved.</EmptyState>
            )}
            {versions.length ? <LabelsSection promptId={prompt.id} slug={prompt.slug} mayMove={abilities.moveLabels} versions={versions.map(({ id, number, status, deprecatedAt, labels }) => ({ id, number, status, deprecatedAt, labels }))} /> : null}
            <PromptListing prompt={prompt} signedIn={Boolean(viewer)} placement="evidence" />
            {/* Its owner's (and admins') figures; analytics.prompt checks the same on the server. */}
            {prompt.isOwner || viewer?.isAdmin ? <PromptAnalyticsPanel promptId={prompt.id} slug={prompt.slug} isOwner={prompt.isOwner} /> : null}
            {versions.length ? (
              <section aria-labelledby="compare-heading" id="compare" className="scroll-mt-20">
                <h2 id="compare-heading" className="text-lg font-semibold text-slate-900">
                  Compare versions
                </h2>
                <CompareVersions promptId={prompt.id} versions={versions.map((v) => ({ number: v.number, changelog: v.changelog, labels: v.labels }))} />
              </section>
            ) : null}
            <RatingsSection promptId={prompt.id} slug={prompt.slug} signedIn={Boolean(viewer)} isOwner={prompt.isOwner} initialPage={ratings} />
            <CommentsSection promptId={prompt.id} slug={prompt.slug} viewer={viewer} initialPage={comments} />
          </div>

          {/* Sticky, and scrollable on its own when taller than the window (long lineages, Similar prompts), so nothing in it is out of reach. */}
          <aside className="min-w-0 space-y-10 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto lg:pb-4" aria-label="About this prompt">
            <PromptListing prompt={prompt} signedIn={Boolean(viewer)} placement="aside" />
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="text-lg font-semibold text-slate-900">
                About
              </h2>
              <dl className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-4 text-sm shadow-xs">
                {(
                  [
                    ["Category", categoryLabel(prompt.category)],
                    ["Visibility", prompt.visibility[0].toUpperCase() + prompt.visibility.slice(1)],
                    ["Versions", String(prompt.versionCount)],
                    ["Likes", <LiveStat key="likes" kind="likes" />],
                    ["Rating", <LiveStat key="rating" kind="rating" />],
                    ["Comments", <LiveStat key="comments" kind="comments" />],
                    // The forks this viewer can see, as the lineage lists them.
                    ["Forks", compactNumber(lineage.counts.directForks)],
                    ["Views", compactNumber(prompt.viewCount)],
                    // Only its owner sees how often their apps called it through the proxy.
                    ...(prompt.capturedUses ? ([["Captured calls", compactNumber(prompt.capturedUses.count)]] as const) : []),
                  ] as const
                ).map(([term, value]) => (
                  <div key={term} className="flex justify-between gap-4 py-2.5">
                    <dt className="text-slate-500">{term}</dt>
                    <dd className="font-medium text-slate-900">{value}</dd>
                  </div>
                ))}
                <div className="flex justify-between gap-4 py-2.5">
                  <dt className="text-slate-500">Created</dt>
                  <dd className="font-medium text-slate-900">
                    <DateTime value={prompt.createdAt} />
                  </dd>
                </div>
                <div className="flex justify-between gap-4 py-2.5">
                  <dt className="text-slate-500">Updated</dt>
                  <dd className="font-medium text-slate-900">
                    <DateTime value={prompt.updatedAt} />
                  </dd>
                </div>
              </dl>
            </section>
            <LineageSection lineage={lineage} />
            <SimilarPromptsSection items={similar} />
          </aside>
        </div>
      </main>
    </PromptStatsProvider>
  );
}
