import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/card";
import { categoryLabel } from "@/shared/prompts/categories";
import { DateTime } from "@/components/ui/date-time";
import { HighlightedSnippet } from "./highlighted-snippet";
import { ForkIcon, LayersIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import { PromptStats } from "./prompt-stats";
import type { PromptCardData } from "./types";
import { VisibilityBadge } from "./visibility-badge";

const MAX_TAGS = 4;

/** A prompt in a grid. The whole card opens the prompt; owner, category and tags keep their own links. */
export function PromptCard({ prompt, headingLevel = 3 }: { prompt: PromptCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const extraTags = prompt.tags.length - MAX_TAGS;
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-indigo-300 hover:shadow-md focus-within:border-indigo-400">
      <div className="flex items-center justify-between gap-2">
        <Link
          href={`/explore?category=${prompt.category}`}
          className="relative z-10 rounded text-xs font-semibold uppercase tracking-wide text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {categoryLabel(prompt.category)}
        </Link>
        <div className="flex items-center gap-1.5">
          {prompt.isFork ? (
            <span className="inline-flex items-center gap-1 text-xs text-slate-500" title="This prompt is a fork of another prompt">
              <ForkIcon width={13} height={13} />
              Fork
            </span>
          ) : null}
          <VisibilityBadge visibility={prompt.visibility} />
        </div>
      </div>
      <Heading className="mt-2 text-base font-semibold leading-snug text-slate-900">
        <Link href={`/p/${prompt.slug}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-indigo-600 group-hover:text-indigo-700">
          {prompt.title}
        </Link>
      </Heading>
      {"snippet" in prompt && prompt.snippet && prompt.snippet.includes("<mark>") ? (
        <HighlightedSnippet snippet={prompt.snippet} source={prompt.description} className="mt-1.5 line-clamp-3 text-sm leading-relaxed text-slate-600" />
      ) : prompt.description ? (
        <p className="mt-1.5 line-clamp-3 text-sm leading-relaxed text-slate-600">{prompt.description}</p>
      ) : (
        <p className="mt-1.5 text-sm italic text-slate-400">No description</p>
      )}
      {prompt.tags.length ? (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {prompt.tags.slice(0, MAX_TAGS).map((tag) => (
            <li key={tag}>
              <Link
                href={`/explore?tag=${encodeURIComponent(tag)}`}
                className="relative z-10 inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                #{tag}
              </Link>
            </li>
          ))}
          {extraTags > 0 ? (
            <li>
              <Badge className="text-slate-500">+{extraTags}</Badge>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="mt-auto pt-4">
        <PromptStats stats={{ ...prompt, versionCount: undefined }} />
        <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-100 pt-3 text-xs text-slate-500">
          <Link href={`/u/${prompt.owner.handle}`} className="relative z-10 flex min-w-0 items-center gap-1.5 rounded font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
            <Avatar name={prompt.owner.name} handle={prompt.owner.handle} image={prompt.owner.image} size={20} />
            <span className="truncate">@{prompt.owner.handle}</span>
          </Link>
          <div className="flex shrink-0 items-center gap-3">
            <span className="inline-flex items-center gap-1" title={plural(prompt.versionCount, "version")}>
              <LayersIcon width={13} height={13} />
              {plural(prompt.versionCount, "version")}
            </span>
            <DateTime value={prompt.createdAt} className="hidden sm:inline" />
          </div>
        </div>
      </div>
    </article>
  );
}
