"use client";
import { useMutation } from "@tanstack/react-query";
import { HeartIcon } from "@/components/ui/icons";
import { Button, ButtonLink } from "@/components/ui/button";
import { plural } from "@/components/ui/plural";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";
import { usePromptStats } from "./prompt-stats-context";

/** A toggle: "Like (3)" / "Liked (4)". The count moves at once and is then set from the server's answer. */
export function LikeButton({ promptId, slug, signedIn }: { promptId: string; slug: string; signedIn: boolean }) {
  const trpc = useTRPC();
  const { stats, update } = usePromptStats();
  const options = {
    onSuccess: (r: { liked: boolean; likeCount: number }) => update({ liked: r.liked, likeCount: r.likeCount }),
    onError: (_e: unknown, _v: unknown, previous: { liked: boolean; likeCount: number } | undefined) => {
      if (previous) update(previous);
    },
  };
  const like = useMutation(trpc.social.like.mutationOptions({ ...options, onMutate: () => ({ liked: false, likeCount: stats.likeCount }) }));
  const unlike = useMutation(trpc.social.unlike.mutationOptions({ ...options, onMutate: () => ({ liked: true, likeCount: stats.likeCount }) }));
  const error = like.error ?? unlike.error;

  if (!signedIn) {
    return (
      <div className="flex items-center gap-2">
        <ButtonLink href={signInHref(`/p/${slug}`)} variant="secondary">
          <HeartIcon />
          Sign in to like
        </ButtonLink>
        <span className="text-sm text-slate-500 tabular-nums">
          {plural(stats.likeCount, "like")}
        </span>
      </div>
    );
  }

  const toggle = () => {
    like.reset();
    unlike.reset();
    // Optimistic: the server's answer (or a failure) corrects it.
    if (stats.liked) {
      update({ liked: false, likeCount: Math.max(0, stats.likeCount - 1) });
      unlike.mutate({ promptId });
    } else {
      update({ liked: true, likeCount: stats.likeCount + 1 });
      like.mutate({ promptId });
    }
  };

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        variant="secondary"
        aria-pressed={stats.liked}
        aria-label={`${stats.liked ? "Liked" : "Like"} (${stats.likeCount})`}
        onClick={toggle}
        disabled={like.isPending || unlike.isPending}
        className={stats.liked ? "bg-rose-50! text-rose-700! hover:bg-rose-100!" : ""}
      >
        <HeartIcon filled={stats.liked} className={stats.liked ? "text-rose-500" : "text-slate-500"} />
        {stats.liked ? "Liked" : "Like"}
        <span className={`rounded-full px-1.5 text-xs tabular-nums ${stats.liked ? "bg-rose-100" : "bg-slate-100"}`}>{stats.likeCount}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-rose-600">
          Could not {like.error ? "like" : "unlike"}: {error.message}
        </p>
      ) : null}
    </div>
  );
}
