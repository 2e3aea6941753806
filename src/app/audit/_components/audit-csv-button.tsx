"use client";
import type { inferRouterInputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { Button } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { saveTextFile } from "@/components/ui/save-text-file";
import { useTRPCClient } from "@/trpc/react";

export type AuditExportInput = inferRouterInputs<AppRouter>["audit"]["export"];

/** "Download CSV" of the entries the filters select: the server writes it (audit.export), the browser saves it. */
export function AuditCsvButton({ input, filename }: { input: AuditExportInput; filename: string }) {
  const client = useTRPCClient();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const csv = await client.audit.export.query(input);
      saveTextFile(csv, filename);
      setState({ busy: false, error: null });
    } catch (error) {
      // The server's message says what to change (e.g. narrow the period past the export's size).
      setState({ busy: false, error: error instanceof Error && error.message ? error.message : "Download failed. Try again." });
    }
  }

  return (
    <span className="inline-flex max-w-full flex-wrap items-center justify-end gap-2">
      {state.error ? (
        <span role="alert" className="max-w-xs text-xs text-rose-600">
          {state.error}
        </span>
      ) : null}
      <Button variant="secondary" onClick={download} disabled={state.busy} aria-label="Download these entries as CSV">
        <DownloadIcon className="h-4 w-4" />
        {state.busy ? "Preparing…" : "Download CSV"}
      </Button>
    </span>
  );
}
