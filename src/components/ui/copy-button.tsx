"use client";
import { Button, type ButtonStyle } from "./button";
import { CheckIcon, CopyIcon } from "./icons";
import { useCopyToClipboard } from "./use-copy-to-clipboard";

const darkClass =
  "rounded-md px-2.5 py-1 text-xs font-semibold text-slate-300 ring-1 ring-inset ring-slate-700 transition hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400";

/**
 * Copies `text` to the clipboard and says "Copied" (or "Copy failed") for a moment; a status region
 * tells screen readers the same in full. `onDark` is the quiet outline for dark code panels.
 * `accessibleName` and `announcement` name what is copied when the visible label is just "Copy".
 * `onCopied` runs after a copy that worked (a prompt page reports it as usage).
 */
export function CopyButton({
  text,
  label = "Copy",
  onDark = false,
  accessibleName,
  announcement = "Copied to clipboard",
  size = "sm",
  variant = "secondary",
  onCopied,
}: { text: string; label?: string; onDark?: boolean; accessibleName?: string; announcement?: string; onCopied?: () => void } & ButtonStyle) {
  const { state, copy } = useCopyToClipboard(text, onCopied);
  const content = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label;
  return (
    <>
      {onDark ? (
        <button type="button" onClick={copy} aria-label={accessibleName} className={darkClass}>
          {content}
        </button>
      ) : (
        <Button size={size} variant={variant} onClick={copy} aria-label={accessibleName} className="whitespace-nowrap">
          {state === "copied" ? <CheckIcon width={14} height={14} className={variant === "primary" ? undefined : "text-emerald-600"} /> : <CopyIcon width={14} height={14} />}
          {content}
        </Button>
      )}
      <span role="status" className="sr-only">
        {state === "copied" ? announcement : state === "failed" ? "Could not copy; select the text and copy it by hand" : ""}
      </span>
    </>
  );
}
