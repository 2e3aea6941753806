// The worker side of induce-off-thread.ts: induces templates from the texts it was given and posts
// the result back. Loaded in a worker thread (TypeScript through tsx's loader), never imported.
import { parentPort, workerData } from "node:worker_threads";
import { induceTemplates } from "./induction/induce-templates";
import type { InductionOptions } from "./induction/types";

const { texts, opts } = workerData as { texts: string[]; opts: InductionOptions };
parentPort?.postMessage(induceTemplates(texts, opts));
