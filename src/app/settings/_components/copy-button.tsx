"use client";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import { Button, type ButtonStyle } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so for a moment. `onDark` suits dark code panels. */
export function CopyButton({ text, label = "Copy", onDark = false, ...style }: { text: string; label?: string; onDark?: boolean } & ButtonStyle) {
  const { state, copy } = useCopyToClipboard(text);
  const content = <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>;

  if (onDark) {
    return (
      <button
        type="button"
        onClick={copy}
        className="rounded-md px-2.5 py-1 text-xs font-semibold text-slate-300 ring-1 ring-inset ring-slate-700 transition hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400"
      >
        {content}
      </button>
    );
  }
  return (
    <Button {...style} onClick={copy}>
      {content}
    </Button>
  );
}
