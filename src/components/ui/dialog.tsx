"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it, and
 * the rest of the page is inert while it is open. Controlled: `open` shows it, `onClose` is
 * called when the person dismisses it (Escape, the close button, a click on the backdrop).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  labelledBy,
  tone = "default",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  labelledBy: string;
  tone?: "default" | "danger";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === ref.current) onClose();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg overflow-y-auto rounded-xl bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-900/10 backdrop:bg-slate-900/50"
    >
      {open ? (
        <div className="p-5 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={labelledBy} className={`text-lg font-semibold ${tone === "danger" ? "text-rose-700" : "text-slate-900"}`}>
              {title}
            </h2>
            <button type="button" onClick={onClose} className="-m-1 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600" aria-label="Close">
              <svg aria-hidden viewBox="0 0 20 20" width="20" height="20" fill="currentColor">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </div>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** A dialog's failure line: "Could not save: …". */
export function DialogError({ action, message }: { action: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-rose-600">
      Could not {action}: {message}
    </p>
  );
}

/** A dialog's buttons: Cancel, then its one action (stacked on phones, the action on top). */
export function DialogActions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  return (
    <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {children}
    </div>
  );
}
