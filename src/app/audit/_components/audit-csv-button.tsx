"use client";
import type { inferRouterInputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { Button } from "@/components/ui/button";
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
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked a little later: some browsers read the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
          <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
        </svg>
        {state.busy ? "Preparing…" : "Download CSV"}
      </Button>
    </span>
  );
}
