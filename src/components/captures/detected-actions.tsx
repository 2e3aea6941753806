"use client";
// What the owner can do with a Detected inbox entry: promote it (a dialog: title and category),
// accept the suggested fork of a library prompt it is a variant of, dismiss it or restore it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ForkIcon, RocketIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/react";
import { PromoteDialog } from "./promote-dialog";

type Entry = { id: string; title: string; status: "detected" | "promoted" | "dismissed"; callCount: number };

export function DetectedActions({ entry }: { entry: Entry }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [promoting, setPromoting] = useState(false);
  const promote = useMutation(trpc.detected.promote.mutationOptions({ onSuccess: (p) => router.push(`/p/${p.slug}`) }));
  const dismiss = useMutation(trpc.detected.dismiss.mutationOptions({ onSuccess: () => router.refresh() }));
  const restore = useMutation(trpc.detected.restore.mutationOptions({ onSuccess: () => router.refresh() }));
  const moving = dismiss.isPending || dismiss.isSuccess || restore.isPending || restore.isSuccess;
  const failed = dismiss.error ?? restore.error;
  if (entry.status === "promoted") return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => setPromoting(true)} aria-haspopup="dialog" aria-label={`Promote ${entry.title}`}>
        <RocketIcon />
        Promote
      </Button>
      {entry.status === "dismissed" ? (
        <Button size="sm" variant="ghost" disabled={moving} onClick={() => restore.mutate({ detectedPromptId: entry.id })} aria-label={`Restore ${entry.title} to the inbox`}>
          {restore.isPending ? "Restoring…" : "Restore"}
        </Button>
      ) : (
        <Button size="sm" variant="ghost" disabled={moving} onClick={() => dismiss.mutate({ detectedPromptId: entry.id })} aria-label={`Dismiss ${entry.title}`}>
          {dismiss.isPending ? "Dismissing…" : "Dismiss"}
        </Button>
      )}
      {failed ? (
        <p role="alert" className="text-xs text-rose-600">
          {failed.message}
        </p>
      ) : null}
      {promoting ? (
        <PromoteDialog
          defaultTitle={entry.title}
          description={`A private prompt in your library. Its ${entry.callCount === 1 ? "captured call becomes a use" : `${entry.callCount} captured calls become uses`} of version 1.`}
          pending={promote.isPending || promote.isSuccess}
          error={promote.error}
          onSubmit={(values) => promote.mutate({ detectedPromptId: entry.id, ...values })}
          onClose={() => {
            setPromoting(false);
            promote.reset();
          }}
        />
      ) : null}
    </div>
  );
}

/** "Accept as fork": a private fork of the library prompt this entry is a variant of, with the entry's text. */
export function AcceptForkButton({ detectedPromptId, sourceTitle }: { detectedPromptId: string; sourceTitle: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.detected.acceptFork.mutationOptions({ onSuccess: (p) => router.push(`/p/${p.slug}`) }));
  const busy = accept.isPending || accept.isSuccess;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" disabled={busy} onClick={() => accept.mutate({ detectedPromptId })} title={`A private fork of ${sourceTitle} with this text as its version 1`}>
        <ForkIcon />
        {busy ? "Forking…" : "Accept as fork"}
      </Button>
      {accept.error ? (
        <span role="alert" className="text-xs text-rose-600">
          Could not fork: {accept.error.message}
        </span>
      ) : null}
    </span>
  );
}
