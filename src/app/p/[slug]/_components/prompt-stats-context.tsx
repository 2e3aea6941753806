"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { compactNumber } from "@/components/ui/format-number";
import { StarIcon } from "@/components/ui/icons";

export type LiveStats = { liked: boolean; likeCount: number; ratingAverage: number | null; ratingCount: number; commentCount: number };

type Patch = Partial<LiveStats> | ((current: LiveStats) => Partial<LiveStats>);
const StatsContext = createContext<{ stats: LiveStats; update: (patch: Patch) => void } | null>(null);

/** The counters that change while the page is open (likes, rating, comments), shared by the header, the About card and the sections. */
export function PromptStatsProvider({ initial, children }: { initial: LiveStats; children: ReactNode }) {
  const [stats, setStats] = useState(initial);
  const update = (patch: Patch) => setStats((s) => ({ ...s, ...(typeof patch === "function" ? patch(s) : patch) }));
  return <StatsContext.Provider value={{ stats, update }}>{children}</StatsContext.Provider>;
}

export function usePromptStats() {
  const value = useContext(StatsContext);
  if (!value) throw new Error("usePromptStats needs a PromptStatsProvider");
  return value;
}

/** One live counter for the About card. */
export function LiveStat({ kind }: { kind: "likes" | "rating" | "comments" }) {
  const { stats } = usePromptStats();
  if (kind === "likes") return <>{compactNumber(stats.likeCount)}</>;
  if (kind === "comments") return <>{compactNumber(stats.commentCount)}</>;
  if (!stats.ratingCount || stats.ratingAverage === null) return <span className="font-normal text-slate-500">No ratings yet</span>;
  return (
    <span className="inline-flex items-center gap-1">
      <StarIcon filled width={14} height={14} className="text-amber-400" />
      {stats.ratingAverage.toFixed(1)}
      <span className="font-normal text-slate-500">({compactNumber(stats.ratingCount)})</span>
    </span>
  );
}
