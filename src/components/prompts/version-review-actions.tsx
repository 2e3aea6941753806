"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";

/**
 * Approve, or reject with a comment (required), one proposal; the server checks the role, the
 * author and earlier reviews again. A notice says what happened (published, or waiting for a
 * second approval on a global prompt).
 */
export function ReviewActions({ versionId, number, onDone }: { versionId: string; number: number; onDone: (notice: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const commentId = useId();
  const done = (notice: string) => {
    onDone(notice);
    router.refresh();
  };
  const approve = useMutation(
    trpc.version.approve.mutationOptions({
      onSuccess: (r) => done(r.status === "approved" ? `v${r.number} is approved and published.` : `Approved: v${r.number} now has ${r.approvals} of ${r.approvalsNeeded} approvals.`),
    }),
  );
  const reject = useMutation(trpc.version.reject.mutationOptions({ onSuccess: (r) => done(`v${r.number} is rejected.`) }));
  const error = approve.error ?? reject.error;
  const pending = approve.isPending || reject.isPending;

  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      {rejecting ? (
        <form
          className="flex w-full flex-col gap-2 sm:w-72"
          onSubmit={(e) => {
            e.preventDefault();
            if (!pending) reject.mutate({ versionId, comment });
          }}
        >
          <label htmlFor={commentId} className="text-xs font-medium text-slate-700">
            Why is v{number} rejected?
          </label>
          <Textarea id={commentId} rows={2} value={comment} required maxLength={2000} onChange={(e) => setComment(e.target.value)} placeholder="What should change" />
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
              Cancel
            </Button>
            <Button size="sm" variant="danger" type="submit" disabled={pending || !comment.trim()}>
              {reject.isPending ? "Rejecting…" : "Reject"}
              <span className="sr-only"> v{number}</span>
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex gap-2">
          <Button size="sm" disabled={pending} onClick={() => approve.mutate({ versionId })}>
            {approve.isPending ? "Approving…" : "Approve"}
            <span className="sr-only"> v{number}</span>
          </Button>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRejecting(true)}>
            Reject…<span className="sr-only"> v{number}</span>
          </Button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-xs text-rose-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

/** Deprecate an approved version, optionally naming the approved version that replaces it. */
export function DeprecateAction({ versionId, number, replacements, onDone }: { versionId: string; number: number; replacements: { id: string; number: number }[]; onDone: (notice: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [replacedBy, setReplacedBy] = useState("");
  const [note, setNote] = useState("");
  const ids = useId();
  const deprecate = useMutation(
    trpc.version.deprecate.mutationOptions({
      onSuccess: (r) => {
        onDone(`v${r.number} is deprecated${r.replacedBy ? `, replaced by v${r.replacedBy.number}` : ""}.`);
        setOpen(false);
        router.refresh();
      },
    }),
  );
  if (!open)
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Deprecate…<span className="sr-only"> v{number}</span>
      </Button>
    );
  return (
    <form
      className="flex w-full flex-col gap-2 sm:w-72"
      onSubmit={(e) => {
        e.preventDefault();
        deprecate.mutate({ versionId, ...(replacedBy ? { replacedByVersionId: replacedBy } : {}), ...(note.trim() ? { note } : {}) });
      }}
    >
      <label htmlFor={`${ids}-r`} className="text-xs font-medium text-slate-700">
        Replaced by
      </label>
      <Select id={`${ids}-r`} value={replacedBy} onChange={(e) => setReplacedBy(e.target.value)}>
        <option value="">No replacement</option>
        {replacements.map((o) => (
          <option key={o.id} value={o.id}>
            v{o.number}
          </option>
        ))}
      </Select>
      <label htmlFor={`${ids}-n`} className="text-xs font-medium text-slate-700">
        Note (optional)
      </label>
      <Textarea id={`${ids}-n`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      {deprecate.error ? (
        <p role="alert" className="text-xs text-rose-700">
          {deprecate.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button size="sm" variant="secondary" type="submit" disabled={deprecate.isPending}>
          {deprecate.isPending ? "Deprecating…" : `Deprecate v${number}`}
        </Button>
      </div>
    </form>
  );
}
