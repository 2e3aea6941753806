"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { plural } from "@/components/ui/plural";
import { useTRPC } from "@/trpc/react";

/**
 * Confirms deleting a prompt, naming what goes with it (asked of the server when the dialog opens).
 * When something depends on it (sales, licenses, forks) it says why it cannot be deleted and offers
 * archiving instead. After deleting, the owner lands on their profile.
 */
export function DeletePromptDialog({ promptId, title, archived, onArchive, onClose }: { promptId: string; title: string; archived: boolean; onArchive: () => void; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const impact = useQuery({ ...trpc.prompt.deletionImpact.queryOptions({ promptId }), staleTime: 0 });
  const remove = useMutation(
    trpc.prompt.delete.mutationOptions({
      onSuccess: (done) => {
        router.push(`/u/${done.ownerHandle}`);
        router.refresh();
      },
    }),
  );
  const data = impact.data;
  const busy = remove.isPending || remove.isSuccess;

  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-heading`} tone="danger" title="Delete this prompt?" description={<>&ldquo;{title}&rdquo; will be gone for good. This cannot be undone.</>}>
      {impact.isPending ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          Checking what would be lost…
        </p>
      ) : impact.error ? (
        <p role="alert" className="text-sm text-rose-600">
          {impact.error.message}
        </p>
      ) : data && !data.canDelete ? (
        <div className="space-y-4">
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            {data.refusal}
          </p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
            {archived ? null : (
              <Button
                onClick={() => {
                  onClose();
                  onArchive();
                }}
              >
                Archive instead
              </Button>
            )}
          </div>
        </div>
      ) : data ? (
        <div className="space-y-4">
          <div>
            <p className="text-sm font-medium text-slate-800">Deleting removes:</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="What will be lost">
              <li>
                {plural(data.loses.versions, "version")} and {data.loses.versions === 1 ? "its" : "their"} labels
              </li>
              <li>{plural(data.loses.likes, "like")}</li>
              <li>{plural(data.loses.ratings, "rating")}</li>
              <li>{plural(data.loses.comments, "comment")}</li>
              <li>{plural(data.loses.views, "view")} counted</li>
              {data.loses.listing ? <li>its listing in the Market (it has no sales)</li> : null}
              <li>
                {data.loses.capturesLinked
                  ? `the link from ${plural(data.loses.capturesLinked, "captured call")} (the captures stay in your history)`
                  : "no captured calls are linked to it"}
              </li>
            </ul>
          </div>
          {archived ? null : (
            <p className="text-sm text-slate-600">
              Want it out of sight but kept?{" "}
              <button
                type="button"
                className="font-medium text-indigo-600 underline-offset-2 hover:underline"
                onClick={() => {
                  onClose();
                  onArchive();
                }}
              >
                Archive it instead
              </button>
              .
            </p>
          )}
          <DialogError action="delete" message={remove.error?.message} />
          <DialogActions onCancel={onClose}>
            <Button variant="danger" disabled={busy} onClick={() => remove.mutate({ promptId })}>
              {busy ? "Deleting…" : "Delete for good"}
            </Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
