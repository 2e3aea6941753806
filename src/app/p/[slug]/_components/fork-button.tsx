"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ForkIcon } from "@/components/ui/icons";
import { Button, ButtonLink } from "@/components/ui/button";
import { signInHref } from "@/shared/auth/sign-in-href";
import { useTRPC } from "@/trpc/react";

/** Forks a version into a new prompt owned by the viewer, then opens it. Signed-out viewers are sent to sign in. */
export function ForkButton({
  slug,
  versionId,
  versionNumber,
  signedIn,
  locked = false,
  privateOnly = false,
}: {
  slug: string;
  versionId: string;
  versionNumber: number;
  signedIn: boolean;
  /** The viewer cannot read this paid prompt's body, so there is nothing they may copy. */
  locked?: boolean;
  /** A licensee's copy of a paid prompt stays private. */
  privateOnly?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const fork = useMutation(trpc.prompt.fork.mutationOptions({ onSuccess: (created) => router.push(`/p/${created.slug}`) }));

  if (!signedIn) {
    return (
      <ButtonLink href={signInHref(`/p/${slug}`)} variant="secondary">
        <ForkIcon />
        Sign in to fork
      </ButtonLink>
    );
  }
  if (locked) {
    return (
      <Button variant="secondary" disabled title="Buy a license to fork this prompt">
        <ForkIcon />
        Buy to fork
      </Button>
    );
  }
  const busy = fork.isPending || fork.isSuccess;
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button variant="secondary" onClick={() => fork.mutate({ versionId })} disabled={busy} title={privateOnly ? `Copy v${versionNumber} into a private prompt of your own (copies of paid prompts stay private)` : `Copy v${versionNumber} into a new prompt of your own`}>
        <ForkIcon />
        {busy ? "Forking…" : "Fork"}
      </Button>
      <p aria-live="polite" className="text-xs">
        {fork.error ? <span className="text-rose-600">Could not fork: {fork.error.message}</span> : fork.isSuccess ? <span className="text-slate-500">Fork created, opening it…</span> : null}
      </p>
    </div>
  );
}
