"use client";
import { useState } from "react";
import { useTRPCClient } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import type { AnalyticsExportInput } from "./analytics-export-input";

/** "Download CSV" for one chart: the server writes the CSV (analytics.export), the browser saves it. */
export function CsvDownloadButton({ input, filename, label }: { input: AnalyticsExportInput; filename: string; label: string }) {
  const client = useTRPCClient();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");

  async function download() {
    setState("busy");
    try {
      const csv = await client.analytics.export.query(input);
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked a little later: some browsers read the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("idle");
    } catch (error) {
      console.error("[analytics export]", error);
      setState("error");
    }
  }

  return (
    <span className="inline-flex shrink-0 items-center gap-2 whitespace-nowrap">
      {state === "error" ? (
        <span role="alert" className="text-xs text-rose-600">
          Download failed. Try again.
        </span>
      ) : null}
      <Button variant="secondary" size="sm" onClick={download} disabled={state === "busy"} aria-label={label}>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5">
          <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
          <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
        </svg>
        {state === "busy" ? "Preparing…" : "Download CSV"}
      </Button>
    </span>
  );
}
