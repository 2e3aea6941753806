// The shapes the Test tab draws: a run and its cells as harness.get returns them (the stream fills
// the same shape as it goes). Structural, so the API's outputs and the live state both fit.
import type { AssertionResult } from "@/shared/harness/assertions";
import type { CellStatus, ModelParams } from "@/shared/harness/run-fields";

export type CellView = {
  position: number;
  provider: string;
  model: string;
  params?: ModelParams | null;
  status: CellStatus | string;
  output: string;
  inputTokens: number | null;
  outputTokens: number | null;
  tokensEstimated: boolean;
  costUsd: string | null;
  ttftMs: number | null;
  latencyMs: number | null;
  finishReason: string | null;
  error: string | null;
  assertions: AssertionResult[];
};

export type RunView = {
  id: string;
  versionId: string;
  promptId?: string;
  status: string;
  createdAt: Date | string;
  candidateBody?: string | null;
  variables?: Record<string, string> | unknown;
  assertions?: unknown;
  results: CellView[];
};

export const cellFinished = (c: Pick<CellView, "status">) => c.status === "done" || c.status === "error";
export const modelKey = (c: { provider: string; model: string }) => `${c.provider}/${c.model}`;
