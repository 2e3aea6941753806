import Link from "next/link";
import { ForkIcon } from "@/components/ui/icons";
import { LabelBadge } from "@/components/prompts/label-badges";
import type { PromptDetail } from "@/components/prompts/types";
import { VisibilityBadge } from "@/components/prompts/visibility-badge";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { categoryLabel } from "@/shared/prompts/categories";
import { FollowButton } from "@/components/social/follow-button";
import { ForkButton } from "./fork-button";
import { LikeButton } from "./like-button";
import { PromptCollectActions } from "@/components/collections/prompt-collect-actions";
import { ArchivedBanner } from "./archived-banner";
import { OwnerActions } from "./owner-actions";

export function PromptHeader({
  prompt,
  signedIn,
  versionAction,
}: {
  prompt: PromptDetail;
  signedIn: boolean;
  /** What the viewer may do to add a version (version.abilities): publish, propose for review, or nothing. */
  versionAction?: "publish" | "propose" | null;
}) {
  const { latest, production } = prompt.labels;
  return (
    <header className="border-b border-slate-200 pb-6">
      {prompt.archivedAt ? <ArchivedBanner promptId={prompt.id} archivedAt={prompt.archivedAt} isOwner={prompt.canManage} /> : null}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={`/explore?category=${prompt.category}`} className="rounded font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
          {categoryLabel(prompt.category)}
        </Link>
        <VisibilityBadge visibility={prompt.visibility} />
      </div>

      <div className="mt-2 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{prompt.title}</h1>
          <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
            <Link href={`/u/${prompt.owner.handle}`} className="flex items-center gap-2 rounded font-medium text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <Avatar name={prompt.owner.name} handle={prompt.owner.handle} image={prompt.owner.image} size={24} />
              {prompt.owner.name ? <span>{prompt.owner.name}</span> : null}
              <span className={prompt.owner.name ? "font-normal text-slate-500" : ""}>@{prompt.owner.handle}</span>
            </Link>
            {prompt.org ? (
              <span>
                in{" "}
                <Link href={`/o/${prompt.org.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800">
                  {prompt.org.name}
                </Link>
                {prompt.global ? <span className="ml-1.5 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200" title="Every version needs two approvals">Global</span> : null}
              </span>
            ) : null}
            {/* Signed-out visitors follow from the profile page; three "Sign in to …" buttons here would be noise. */}
            {prompt.isOwner || !signedIn ? null : (
              <FollowButton handle={prompt.owner.handle} initialFollowing={prompt.viewerFollowsOwner} signedIn={signedIn} returnTo={`/p/${prompt.slug}`} />
            )}
            {prompt.forkedFrom ? (
              <span className="inline-flex items-center gap-1.5 text-slate-600">
                <ForkIcon width={14} height={14} className="text-slate-400" />
                {prompt.forkedFrom.prompt?.archived ? (
                  // Still its lineage, but an archived page opens only for its owner and licensees.
                  <span>
                    Forked from {prompt.forkedFrom.prompt.title} v{prompt.forkedFrom.versionNumber} <span className="text-slate-500">(archived)</span>
                  </span>
                ) : prompt.forkedFrom.prompt ? (
                  <span>
                    Forked from{" "}
                    <Link href={`/p/${prompt.forkedFrom.prompt.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800">
                      {prompt.forkedFrom.prompt.title} v{prompt.forkedFrom.versionNumber}
                    </Link>
                  </span>
                ) : (
                  <span>Forked from a private prompt</span>
                )}
              </span>
            ) : null}
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap items-start gap-2">
          <LikeButton promptId={prompt.id} slug={prompt.slug} signedIn={signedIn} />
          <PromptCollectActions prompt={prompt} signedIn={signedIn} />
          {prompt.latestVersion ? (
            <ForkButton
              slug={prompt.slug}
              title={prompt.title}
              versionId={prompt.latestVersion.id}
              versionNumber={prompt.latestVersion.number}
              signedIn={signedIn}
              locked={prompt.bodyLocked}
              privateOnly={prompt.forSale && !prompt.isOwner}
            />
          ) : null}
          {(versionAction === undefined ? prompt.isOwner : versionAction !== null) ? (
            <ButtonLink href={`/p/${prompt.slug}/versions/new`}>
              <span aria-hidden>+</span>
              {versionAction === "propose" ? "Propose a version" : "New version"}
            </ButtonLink>
          ) : null}
        </div>
      </div>

      {prompt.description ? <p className="mt-4 max-w-3xl text-base leading-relaxed text-slate-700">{prompt.description}</p> : null}

      {prompt.canManage ? (
        <div className="mt-4 flex flex-wrap items-center gap-2" role="group" aria-label="Manage this prompt">
          <OwnerActions
            archived={prompt.archivedAt !== null}
            canDelete={prompt.canDelete}
            canTransfer={prompt.canTransfer}
            prompt={{ id: prompt.id, slug: prompt.slug, title: prompt.title, description: prompt.description, category: prompt.category, tags: prompt.tags, visibility: prompt.visibility, forSale: prompt.forSale, orgId: prompt.orgId, global: prompt.global }}
          />
        </div>
      ) : null}

      <div className="mt-4 flex flex-wrap items-center gap-2">
        {latest ? <LabelBadge name="latest" number={latest.number} /> : null}
        {production ? <LabelBadge name="production" number={production.number} /> : null}
        {prompt.tags.length ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
            {prompt.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={`/explore?tag=${encodeURIComponent(tag)}`}
                  className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </header>
  );
}
