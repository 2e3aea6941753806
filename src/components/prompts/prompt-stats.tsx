import { compactNumber } from "@/components/ui/format-number";
import { CommentIcon, ForkIcon, HeartIcon, LayersIcon, StarIcon } from "@/components/ui/icons";
import { plural } from "@/components/ui/plural";
import { FavoriteIcon } from "@/components/collections/favorite-icon";

type Stats = { likeCount: number; favoriteCount?: number; ratingAverage: number | null; ratingCount: number; commentCount: number; forkCount: number; versionCount?: number };

/** A prompt's counters in one compact line: likes, favourites, average rating (count), comments, forks[, versions]. */
export function PromptStats({ stats, className = "" }: { stats: Stats; className?: string }) {
  const items = [
    { key: "likes", icon: <HeartIcon width={13} height={13} />, text: compactNumber(stats.likeCount), label: plural(stats.likeCount, "like") },
    stats.favoriteCount !== undefined
      ? { key: "favorites", icon: <FavoriteIcon width={13} height={13} />, text: compactNumber(stats.favoriteCount), label: plural(stats.favoriteCount, "favourite") }
      : null,
    stats.ratingCount && stats.ratingAverage !== null
      ? {
          key: "rating",
          icon: <StarIcon filled width={13} height={13} className="text-amber-400" />,
          text: `${stats.ratingAverage.toFixed(1)} (${compactNumber(stats.ratingCount)})`,
          label: `rated ${stats.ratingAverage.toFixed(1)} out of 5 by ${plural(stats.ratingCount, "person", "people")}`,
        }
      : null,
    { key: "comments", icon: <CommentIcon width={13} height={13} />, text: compactNumber(stats.commentCount), label: plural(stats.commentCount, "comment") },
    { key: "forks", icon: <ForkIcon width={13} height={13} />, text: compactNumber(stats.forkCount), label: plural(stats.forkCount, "fork") },
    stats.versionCount !== undefined
      ? { key: "versions", icon: <LayersIcon width={13} height={13} />, text: `v${stats.versionCount}`, label: plural(stats.versionCount, "version") }
      : null,
  ].filter((i) => i !== null);
  return (
    <ul className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 ${className}`} aria-label="Stats">
      {items.map((i) => (
        <li key={i.key} className="inline-flex items-center gap-1 tabular-nums" title={i.label}>
          {i.icon}
          <span aria-hidden>{i.text}</span>
          <span className="sr-only">{i.label}</span>
        </li>
      ))}
    </ul>
  );
}
