"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckIcon, UserPlusIcon } from "@/components/ui/icons";
import { Button, ButtonLink, type ButtonStyle } from "@/components/ui/button";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";

/**
 * "Follow @handle" / "Following". Signed-out viewers get a "Sign in to follow" link that comes back
 * to `returnTo`. With `refresh`, the server-rendered page reloads its data afterwards (counts, feed).
 */
export function FollowButton({
  handle,
  initialFollowing,
  signedIn,
  returnTo,
  refresh = false,
  size = "sm",
  onChange,
}: {
  handle: string;
  initialFollowing: boolean;
  signedIn: boolean;
  returnTo: string;
  refresh?: boolean;
  size?: ButtonStyle["size"];
  onChange?: (state: { following: boolean; followerCount: number }) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [following, setFollowing] = useState(initialFollowing);
  const onSuccess = (r: { following: boolean; followerCount: number }) => {
    setFollowing(r.following);
    onChange?.(r);
    if (refresh) router.refresh();
  };
  const follow = useMutation(trpc.follow.follow.mutationOptions({ onSuccess }));
  const unfollow = useMutation(trpc.follow.unfollow.mutationOptions({ onSuccess }));
  const error = follow.error ?? unfollow.error;
  const busy = follow.isPending || unfollow.isPending;

  if (!signedIn) {
    return (
      <ButtonLink href={signInHref(returnTo)} variant="secondary" size={size} className="whitespace-nowrap">
        <UserPlusIcon width={14} height={14} />
        Sign in to follow
      </ButtonLink>
    );
  }

  const toggle = () => {
    follow.reset();
    unfollow.reset();
    (following ? unfollow : follow).mutate({ handle });
  };

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={following ? "secondary" : "primary"}
        size={size}
        onClick={toggle}
        disabled={busy}
        title={following ? `You follow @${handle}. Click to unfollow.` : undefined}
        className="whitespace-nowrap"
      >
        {following ? <CheckIcon width={14} height={14} /> : <UserPlusIcon width={14} height={14} />}
        {following ? "Following" : `Follow @${handle}`}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-rose-600">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
