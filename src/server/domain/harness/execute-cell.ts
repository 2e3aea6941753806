// One cell of a run or a batch: a model call with its own deadline, timed (time to first token,
// total latency), its tokens taken from the provider's usage or estimated from text when the
// provider sent none (and marked so), and its cost from the shared price table. A failure or a
// timeout becomes the cell's error; it never throws, so one cell cannot break its neighbours.
import "server-only";
import { costUsd } from "@/shared/models/model-prices";
import { estimateTokens } from "@/shared/models/token-estimate";
import type { ModelParams } from "@/shared/harness/run-fields";
import { callModel } from "./call-model";
import type { HarnessProvider } from "./providers";

export type CellInput = {
  provider: HarnessProvider;
  model: string;
  prompt: string;
  params: ModelParams;
  timeoutMs: number;
  /** Cancels the call (a cancelled batch, a server stopping). */
  signal?: AbortSignal;
  onDelta?: (text: string, outputSoFar: string) => void;
};

export type CellOutcome = {
  status: "done" | "error";
  output: string;
  inputTokens: number | null;
  outputTokens: number | null;
  tokensEstimated: boolean;
  /** USD as a decimal string, or null when the model has no price (unknown, never 0). */
  costUsd: string | null;
  ttftMs: number | null;
  latencyMs: number;
  finishReason: string | null;
  error: string | null;
};

const MAX_ERROR = 1000;

function describeError(e: unknown, timedOut: boolean, timeoutMs: number, apiKey: string | undefined): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  const err = e as { status?: number; message?: string; name?: string };
  let message = err?.message ?? String(e);
  // A server may quote the key it refused; the error is stored and shown, the key must not be.
  if (apiKey && apiKey.length >= 4) message = message.split(apiKey).join("[API key]");
  return message.slice(0, MAX_ERROR);
}

export async function executeCell(input: CellInput): Promise<CellOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, input.timeoutMs);
  const onOuterAbort = () => controller.abort();
  input.signal?.addEventListener("abort", onOuterAbort, { once: true });
  let output = "";
  let ttftMs: number | null = null;
  try {
    if (input.signal?.aborted) throw new Error("cancelled");
    const answer = await callModel({
      provider: input.provider,
      model: input.model,
      prompt: input.prompt,
      params: input.params,
      signal: controller.signal,
      timeoutMs: input.timeoutMs,
      onDelta: (text) => {
        if (ttftMs === null) ttftMs = Math.round(performance.now() - started);
        output += text;
        input.onDelta?.(text, output);
      },
    });
    const latencyMs = Math.round(performance.now() - started);
    const estimated = answer.inputTokens === null || answer.outputTokens === null;
    const inputTokens = answer.inputTokens ?? estimateTokens(`${input.params.system ?? ""}${input.prompt}`);
    const outputTokens = answer.outputTokens ?? estimateTokens(output);
    return {
      status: "done",
      output,
      inputTokens,
      outputTokens,
      tokensEstimated: estimated,
      costUsd: costUsd(input.model, { inputTokens, outputTokens, cachedTokens: 0 }, new Date()),
      ttftMs,
      latencyMs,
      finishReason: answer.finishReason,
      error: null,
    };
  } catch (e) {
    const cancelled = input.signal?.aborted && !timedOut;
    return {
      status: "error",
      output,
      inputTokens: null,
      outputTokens: null,
      tokensEstimated: false,
      costUsd: null,
      ttftMs,
      latencyMs: Math.round(performance.now() - started),
      finishReason: null,
      error: cancelled ? "cancelled" : describeError(e, timedOut, input.timeoutMs, input.provider.apiKey),
    };
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onOuterAbort);
  }
}

/** The stored figures of a finished cell (run cells and batch cells keep the same columns). */
export function cellFigures(o: CellOutcome) {
  return {
    output: o.output,
    inputTokens: o.inputTokens,
    outputTokens: o.outputTokens,
    tokensEstimated: o.tokensEstimated,
    costUsd: o.costUsd,
    ttftMs: o.ttftMs,
    latencyMs: o.latencyMs,
    finishReason: o.finishReason,
    error: o.error,
  };
}
