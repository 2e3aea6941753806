"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { plural } from "@/components/ui/plural";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";
import { FavoriteIcon } from "./favorite-icon";

/**
 * "Favourite" / "Favourited" with the prompt's favourite count. The page renders the viewer's state
 * (as it does their like), so the star is right from the first paint; a click moves it at once and
 * the server's answer sets it.
 */
export function FavoriteButton({ promptId, returnTo, signedIn, initialCount, initialFavorited }: { promptId: string; returnTo: string; signedIn: boolean; initialCount: number; initialFavorited: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const statusKey = trpc.favorite.status.queryOptions({ promptId });
  const status = useQuery({ ...statusKey, enabled: signedIn, initialData: { promptId, favorited: initialFavorited, favoriteCount: initialCount }, staleTime: 60_000 });
  const [optimistic, setOptimistic] = useState<{ favorited: boolean; favoriteCount: number } | null>(null);
  const onSettled = () => setOptimistic(null);
  const onSuccess = (r: { promptId: string; favorited: boolean; favoriteCount: number }) => queryClient.setQueryData(statusKey.queryKey, r);
  const add = useMutation(trpc.favorite.add.mutationOptions({ onSuccess, onSettled }));
  const remove = useMutation(trpc.favorite.remove.mutationOptions({ onSuccess, onSettled }));
  const current = optimistic ?? { favorited: status.data?.favorited ?? false, favoriteCount: status.data?.favoriteCount ?? initialCount };
  const error = add.error ?? remove.error;

  if (!signedIn) {
    return (
      <ButtonLink href={signInHref(returnTo)} variant="secondary" title={plural(initialCount, "favourite")}>
        <FavoriteIcon className="text-slate-500" />
        Sign in to favourite
      </ButtonLink>
    );
  }

  const toggle = () => {
    add.reset();
    remove.reset();
    const next = !current.favorited;
    setOptimistic({ favorited: next, favoriteCount: Math.max(0, current.favoriteCount + (next ? 1 : -1)) });
    (next ? add : remove).mutate({ promptId });
  };

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        variant="secondary"
        aria-pressed={current.favorited}
        aria-label={`${current.favorited ? "Favourited" : "Favourite"} (${current.favoriteCount})`}
        title={current.favorited ? "In your favourites (and your tools). Click to remove." : "Add to your favourites: your tools (MCP) offer them too."}
        onClick={toggle}
        disabled={add.isPending || remove.isPending || (status.isPending && !optimistic)}
        className={current.favorited ? "bg-amber-50! text-amber-800! hover:bg-amber-100!" : ""}
      >
        <FavoriteIcon filled={current.favorited} className={current.favorited ? "text-amber-500" : "text-slate-500"} />
        {current.favorited ? "Favourited" : "Favourite"}
        <span className={`rounded-full px-1.5 text-xs tabular-nums ${current.favorited ? "bg-amber-100" : "bg-slate-100"}`}>{current.favoriteCount}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-rose-600">
          Could not {add.error ? "add to" : "remove from"} favourites: {error.message}
        </p>
      ) : null}
    </div>
  );
}
