"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Fetches the export (user.exportData) and saves it as a JSON file. */
export function ExportDataButton({ handle }: { handle: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "working" | "done" | { error: string }>("idle");
  async function download() {
    setState("working");
    try {
      const data = await queryClient.fetchQuery({ ...trpc.user.exportData.queryOptions(), staleTime: 0 });
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `promptuary-${handle}-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("done");
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : "The export failed." });
    }
  }
  return (
    <Card className="p-5 sm:p-6">
      <h3 className="text-sm font-semibold text-slate-900">Download your data</h3>
      <p className="mt-1 text-sm text-slate-600">
        One JSON file with your profile, prompts and every version, comments, ratings, likes, follows, listings, sales, purchases and licenses, API key names and capture metadata. Never passwords or key secrets.
      </p>
      <div className="mt-4 flex items-center gap-3">
        <Button variant="secondary" onClick={() => void download()} disabled={state === "working"}>
          {state === "working" ? "Preparing…" : "Download JSON"}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-700">{state === "done" ? "Downloaded" : null}</p>
      </div>
      {typeof state === "object" ? <Alert tone="error" className="mt-3">{state.error}</Alert> : null}
    </Card>
  );
}
