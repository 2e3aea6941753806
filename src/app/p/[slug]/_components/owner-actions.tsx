"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { DeletePromptDialog } from "./delete-prompt-dialog";
import { EditDetailsDialog, type EditableDetails } from "./edit-details-dialog";
import { TransferDialog } from "./transfer-dialog";

/** The anchor that opens "Edit details" (the Sell panel's "make it public first" links here). */
export const EDIT_DETAILS_HASH = "#edit-details";

/**
 * The owner's controls on a prompt page (for an organisation's prompt: those its roles allow): edit
 * details, archive or restore, delete, and for a personal prompt's owner, transfer to an organisation.
 */
export function OwnerActions({ prompt, archived, canDelete = true, canTransfer = false }: { prompt: EditableDetails & { slug: string }; archived: boolean; canDelete?: boolean; canTransfer?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "delete" | "transfer" | null>(null);
  const archive = useMutation(trpc.prompt.archive.mutationOptions({ onSuccess: () => router.refresh() }));

  // Opened by a link to #edit-details; the hash is cleared on close so the same link works again.
  useEffect(() => {
    const fromHash = () => {
      if (window.location.hash === EDIT_DETAILS_HASH) setDialog("edit");
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, []);
  const close = useCallback(() => {
    setDialog(null);
    if (window.location.hash === EDIT_DETAILS_HASH) history.replaceState(null, "", window.location.pathname + window.location.search);
  }, []);

  return (
    <>
      <Button variant="secondary" onClick={() => setDialog("edit")} aria-haspopup="dialog" id="edit-details">
        Edit details
      </Button>
      {archived ? null : (
        <Button variant="ghost" onClick={() => archive.mutate({ promptId: prompt.id })} disabled={archive.isPending} title="Take it out of search, profiles, feeds and the Market; its link keeps working for you and its licensees">
          {archive.isPending ? "Archiving…" : "Archive"}
        </Button>
      )}
      {canTransfer ? (
        <Button variant="ghost" onClick={() => setDialog("transfer")} aria-haspopup="dialog">
          Transfer to organisation
        </Button>
      ) : null}
      {canDelete ? (
        <Button variant="ghost" className="text-rose-700! hover:bg-rose-50" onClick={() => setDialog("delete")} aria-haspopup="dialog">
          Delete
        </Button>
      ) : null}
      {archive.error ? (
        <p role="alert" className="w-full text-sm text-rose-600">
          Could not archive: {archive.error.message}
        </p>
      ) : null}
      {dialog === "edit" ? <EditDetailsDialog prompt={prompt} onClose={close} /> : null}
      {dialog === "transfer" ? <TransferDialog promptId={prompt.id} title={prompt.title} onClose={close} /> : null}
      {dialog === "delete" ? <DeletePromptDialog promptId={prompt.id} title={prompt.title} archived={archived} onArchive={() => archive.mutate({ promptId: prompt.id })} onClose={close} /> : null}
    </>
  );
}
