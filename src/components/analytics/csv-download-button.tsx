"use client";
import { useState } from "react";
import { useTRPCClient } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { saveTextFile } from "@/components/ui/save-text-file";
import type { AnalyticsExportInput } from "./analytics-export-input";

/** "Download CSV" for one chart: the server writes the CSV (analytics.export), the browser saves it. */
export function CsvDownloadButton({ input, filename, label }: { input: AnalyticsExportInput; filename: string; label: string }) {
  const client = useTRPCClient();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");

  async function download() {
    setState("busy");
    try {
      const csv = await client.analytics.export.query(input);
      saveTextFile(csv, filename);
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
        <DownloadIcon className="h-3.5 w-3.5" />
        {state === "busy" ? "Preparing…" : "Download CSV"}
      </Button>
    </span>
  );
}
