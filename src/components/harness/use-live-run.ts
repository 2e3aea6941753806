"use client";
import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { CellView, RunView } from "./run-types";

type StreamEvent =
  | { type: "snapshot"; run: RunView }
  | { type: "delta"; position: number; text: string }
  | { type: "cell"; result: CellView }
  | { type: "done"; finishedAt: Date | string | null };

/** Applies one message of harness.stream to the run as the browser holds it. */
export function applyRunEvent(run: RunView | null, event: StreamEvent): RunView | null {
  if (event.type === "snapshot") return event.run;
  if (!run) return run;
  switch (event.type) {
    case "delta":
      return {
        ...run,
        results: run.results.map((c) => (c.position === event.position ? { ...c, status: c.status === "pending" ? "running" : c.status, output: c.output + event.text } : c)),
      };
    case "cell":
      return { ...run, results: run.results.map((c) => (c.position === event.result.position ? event.result : c)) };
    case "done":
      return { ...run, status: "done" };
  }
}

/**
 * A run as it happens, from harness.stream: the whole run first, then each cell's text as it
 * streams, each cell again when it finishes (figures and assertion results), and the end. A
 * finished run is read the same way (the stream sends it whole and ends).
 */
export function useLiveRun(runId: string | null) {
  const trpc = useTRPC();
  const [state, setState] = useState<{ id: string; run: RunView | null } | null>(null);
  const current = state && state.id === runId ? state.run : null;
  const finished = current?.status === "done";

  const subscription = useSubscription(
    trpc.harness.stream.subscriptionOptions(runId && !finished ? { runId } : skipToken, {
      onData: (message) => {
        const event = message as unknown as StreamEvent;
        if (!runId) return;
        setState((s) => ({ id: runId, run: applyRunEvent(s && s.id === runId ? s.run : null, event) }));
      },
    }),
  );

  return { run: current, error: subscription.error };
}
