// Induction is CPU-bound and synchronous: over a large inbox it would hold this process's event loop
// (the capture proxy's and the pages' too) for seconds. From OFF_THREAD_FROM texts it runs in a worker
// thread; where no worker can start (a bundle without the source files, no tsx), on this thread.
import "server-only";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { induceTemplates } from "./induction/induce-templates";
import type { InductionOptions, InductionResult } from "./induction/types";

export const OFF_THREAD_FROM = 300;

export async function induceOffThread(texts: string[], opts: InductionOptions, offThreadFrom = OFF_THREAD_FROM): Promise<InductionResult> {
  const worker = texts.length >= offThreadFrom ? workerEntry() : null;
  if (!worker) return induceTemplates(texts, opts);
  try {
    return await inWorker(worker, texts, opts);
  } catch (error) {
    console.warn(`[templates] induction worker failed (${error instanceof Error ? error.message : String(error)}); inducing on the main thread`);
    return induceTemplates(texts, opts);
  }
}

/** The worker's module and tsx's loader API, when both are on disk (not in a Next bundle). */
function workerEntry(): { file: string; tsx: string } | null {
  try {
    const here = fileURLToPath(import.meta.url);
    const file = path.join(path.dirname(here), "induce-worker.ts");
    const require = createRequire(here);
    const tsx = path.join(path.dirname(require.resolve("tsx/package.json", { paths: [process.cwd()] })), "dist/esm/api/index.mjs");
    return existsSync(file) && existsSync(tsx) ? { file, tsx } : null;
  } catch {
    return null;
  }
}

function inWorker(entry: { file: string; tsx: string }, texts: string[], opts: InductionOptions): Promise<InductionResult> {
  // The worker registers tsx itself: loader hooks of this thread do not reach workers.
  const boot = `const { register } = await import(${JSON.stringify(pathToFileURL(entry.tsx).href)}); register(); await import(${JSON.stringify(pathToFileURL(entry.file).href)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: { texts, opts } });
    let settled = false;
    worker.once("message", (result: InductionResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the worker exited with code ${code} before answering`));
    });
  });
}
