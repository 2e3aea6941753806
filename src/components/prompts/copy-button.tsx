"use client";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import { Button, type ButtonStyle } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "./icons";

/** Copies text to the clipboard and says "Copied" for a moment (announced to screen readers). */
export function CopyButton({ text, label = "Copy", size = "sm", variant = "secondary" }: { text: string; label?: string } & ButtonStyle) {
  const { state, copy } = useCopyToClipboard(text);
  return (
    <>
      <Button size={size} variant={variant} onClick={copy} className="whitespace-nowrap">
        {state === "copied" ? <CheckIcon width={14} height={14} className="text-emerald-600" /> : <CopyIcon width={14} height={14} />}
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Could not copy; select the text and copy it by hand" : ""}
      </span>
    </>
  );
}
