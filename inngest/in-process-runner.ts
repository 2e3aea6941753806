// Runs Inngest functions inside this process when Inngest is not configured (one instance only:
// with several replicas, configure Inngest or crons run once per replica). The composition root
// hands it the function list and registers it with sendEvent; nothing else imports it.
//
// It mirrors the parts of Inngest the app uses: event triggers (exact names, or a prefix ending
// in "*"), retries with exponential backoff (the function's `retries`, default 3), memoised
// `step.run` (a retry skips steps that already succeeded), `step.sleep`/`step.sleepUntil`,
// NonRetriableError, and cron triggers (five-field expressions, evaluated each minute, local time).
//
// Stopping does not wait for background work to finish: a run in flight stops at its next step
// (what its finished steps did stays done), within a grace period. Work a stopped run leaves
// undone must be found again after the restart (capture identity: capture-identify-sweep).
import { NonRetriableError, type InngestFunction } from "inngest";
import type { EventName } from "@/server/jobs/events";
import { registerInProcessDispatcher } from "@/server/jobs/send-event";
import { coalescedWarnings } from "./coalesced-warnings";

type Trigger = { event?: string; cron?: string; if?: string };
type RunEvent = { name: string; data: unknown; id: string; ts: number };
type StepTools = {
  run: <T>(id: string, fn: () => T | Promise<T>) => Promise<Awaited<T>>;
  sleep: (id: string, duration: number | string) => Promise<void>;
  sleepUntil: (id: string, until: Date | string | number) => Promise<void>;
};
type Handler = (ctx: { event: RunEvent; events: RunEvent[]; step: StepTools; runId: string; attempt: number; logger: Logger }) => unknown;
type Logger = Pick<Console, "info" | "warn" | "error">;

export type InProcessRunnerOptions = {
  functions: InngestFunction.Any[];
  /** Delay before retry n (1-based). Default: 1 s · 2^(n−1) with jitter, at most 60 s. */
  backoffMs?: (attempt: number) => number;
  logger?: Logger;
  /** Longest `step.sleep` honoured, so a misconfigured sleep cannot park a run for days. */
  maxSleepMs?: number;
};

export type InProcessRunner = {
  dispatch: (name: string, data: unknown) => void;
  /** Starts the cron schedule (if any function has a cron trigger) and registers with sendEvent. */
  start: () => void;
  /**
   * Stops the schedule, unregisters, cuts backoffs and sleeps short, and waits for runs in flight to
   * reach their next step (at most `graceMs`, if given), where they stop unfinished.
   */
  stop: (opts?: { graceMs?: number }) => Promise<void>;
  /** Resolves when no run is in flight (tests). */
  idle: () => Promise<void>;
  /** One line for the start-up log. */
  describe: () => string;
};

/** Thrown into a run at its next step once the runner is stopping. */
class RunnerStopping extends Error {
  constructor() {
    super("the in-process runner is stopping");
  }
}

const defaultBackoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);

function handlerOf(fn: InngestFunction.Any): Handler {
  // The SDK keeps the handler on a private field; the runner is its only other reader.
  const handler = (fn as unknown as { fn?: Handler }).fn;
  if (typeof handler !== "function") throw new Error(`Inngest function ${fn.id()} has no handler the in-process runner can call`);
  return handler;
}

const triggersOf = (fn: InngestFunction.Any) => ((fn as unknown as { opts: { triggers?: Trigger[] } }).opts.triggers ?? []) as Trigger[];
const retriesOf = (fn: InngestFunction.Any) => (fn as unknown as { opts: { retries?: number } }).opts.retries ?? 3;

export function eventMatches(pattern: string, name: string) {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

export function parseDuration(duration: number | string): number {
  if (typeof duration === "number") return duration;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/g;
  let matched = "";
  for (const m of duration.matchAll(re)) {
    total += Number(m[1]) * units[m[2]];
    matched += m[0];
  }
  if (!matched || matched.replace(/\s/g, "") !== duration.replace(/\s/g, "")) throw new Error(`Unsupported duration "${duration}"`);
  return total;
}

/** Whether a five-field cron expression (minute hour day-of-month month day-of-week) fires at `date`'s minute. */
export function cronMatches(expression: string, date: Date): boolean {
  const fields = expression.trim().replace(/^TZ=\S+\s+/, "").split(/\s+/);
  if (fields.length !== 5) throw new Error(`Unsupported cron expression "${expression}" (five fields expected)`);
  const values = [date.getMinutes(), date.getHours(), date.getDate(), date.getMonth() + 1, date.getDay()];
  const ranges: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
  const match = fields.map((field, i) => fieldMatches(field, values[i], ranges[i], i === 4));
  const [minute, hour, dom, month, dow] = match;
  // Like cron: when both day fields are restricted, either may match.
  const dayOk = fields[2] !== "*" && fields[4] !== "*" ? dom || dow : dom && dow;
  return minute && hour && month && dayOk;
}

function fieldMatches(field: string, value: number, [lo, hi]: [number, number], weekday: boolean): boolean {
  return field.split(",").some((part) => {
    const [range, stepText] = part.split("/");
    const step = stepText ? Number(stepText) : 1;
    const [from, upper] = range === "*" ? [lo, hi] : range.split("-").map(Number);
    const to = upper ?? (stepText ? hi : from);
    if (![from, to, step].every(Number.isInteger) || step < 1) throw new Error(`Unsupported cron field "${field}"`);
    for (let v = from; v <= to; v += step) if (v === value || (weekday && v === 7 && value === 0)) return true;
    return false;
  });
}

let runCounter = 0;
/** Retries failing the same way within this window are logged as one line (coalesced-warnings.ts). */
const RETRY_LOG_WINDOW_MS = 10_000;

export function createInProcessRunner(opts: InProcessRunnerOptions): InProcessRunner {
  const logger = opts.logger ?? console;
  const backoff = opts.backoffMs ?? defaultBackoff;
  const retryWarnings = coalescedWarnings((line) => logger.warn(line), RETRY_LOG_WINDOW_MS);
  const maxSleep = opts.maxSleepMs ?? 24 * 3_600_000;
  const inFlight = new Set<Promise<void>>();
  const waits = new Map<NodeJS.Timeout, () => void>();
  let cronTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  let leftUnfinished = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, Math.max(0, ms));
      waits.set(timer, resolve);
    });

  async function execute(fn: InngestFunction.Any, event: RunEvent) {
    const handler = handlerOf(fn);
    const runId = `inproc-${Date.now().toString(36)}-${++runCounter}`;
    const memo = new Map<string, unknown>();
    const maxAttempts = retriesOf(fn) + 1;
    const step: StepTools = {
      run: async (id, body) => {
        if (memo.has(id)) return memo.get(id) as never;
        if (stopped) throw new RunnerStopping();
        // Like Inngest, step results are JSON: a retry sees what a durable run would.
        const raw = await body();
        const value = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw));
        memo.set(id, value);
        return value;
      },
      sleep: async (id, duration) => {
        if (memo.has(id)) return;
        await wait(Math.min(parseDuration(duration), maxSleep));
        memo.set(id, null);
      },
      sleepUntil: async (id, until) => {
        if (memo.has(id)) return;
        await wait(Math.min(new Date(until).getTime() - Date.now(), maxSleep));
        memo.set(id, null);
      },
    };
    const unsupported = new Proxy(step, {
      get(target, key) {
        if (key in target) return target[key as keyof StepTools];
        return () => {
          throw new NonRetriableError(`step.${String(key)} is not supported by the in-process runner; configure Inngest to use it`);
        };
      },
    });
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      try {
        await handler({ event, events: [event], step: unsupported, runId, attempt, logger });
        return;
      } catch (error) {
        if (error instanceof RunnerStopping) {
          leftUnfinished++;
          return;
        }
        const last = attempt + 1 >= maxAttempts || error instanceof NonRetriableError || stopped;
        // One line per attempt: Prisma's multi-line messages end with their cause.
        const message = (error instanceof Error ? error.message : String(error)).split("\n").filter((l) => l.trim()).at(-1)?.trim() ?? "";
        if (last) {
          logger.error(`[jobs] ${fn.id()} failed for ${event.name} after ${attempt + 1} attempt(s): ${message}`);
          return;
        }
        retryWarnings.warn(
          `${fn.id()}|${message}`,
          `[jobs] ${fn.id()} attempt ${attempt + 1} failed (${message}); retrying`,
          (count) => `[jobs] ${fn.id()}: ${count} more attempt(s) failed the same way in the last ${RETRY_LOG_WINDOW_MS / 1000} s (${message}); retrying`,
        );
        await wait(backoff(attempt + 1));
      }
    }
  }

  function launch(fn: InngestFunction.Any, event: RunEvent) {
    const run = execute(fn, event).catch((error: unknown) => logger.error(`[jobs] ${fn.id()} crashed:`, error));
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  const newEvent = (name: string, data: unknown): RunEvent => ({ name, data, id: `inproc-evt-${++runCounter}`, ts: Date.now() });

  function dispatch(name: string, data: unknown) {
    if (stopped) {
      logger.warn(`[jobs] ${name} dropped: the in-process runner is stopped`);
      return;
    }
    const event = newEvent(name, data);
    for (const fn of opts.functions) {
      const trigger = triggersOf(fn).find((t) => t.event && eventMatches(t.event, name));
      if (!trigger) continue;
      if (trigger.if) logger.warn(`[jobs] ${fn.id()}: trigger condition "${trigger.if}" is ignored by the in-process runner`);
      launch(fn, event);
    }
  }

  const crons = opts.functions.flatMap((fn) => triggersOf(fn).filter((t) => t.cron).map((t) => ({ fn, cron: t.cron as string })));
  for (const { cron } of crons) cronMatches(cron, new Date()); // reject unsupported expressions at start-up

  function scheduleNextMinute() {
    const now = Date.now();
    cronTimer = setTimeout(() => {
      const at = new Date();
      for (const { fn, cron } of crons) if (cronMatches(cron, at)) launch(fn, newEvent("inngest/scheduled.timer", { cron }));
      scheduleNextMinute();
    }, 60_000 - (now % 60_000) + 5);
    cronTimer.unref?.();
  }

  return {
    dispatch,
    start() {
      stopped = false;
      registerInProcessDispatcher(dispatch as (name: EventName, data: unknown) => void);
      if (crons.length) scheduleNextMinute();
    },
    async stop(stopOpts = {}) {
      stopped = true;
      retryWarnings.flush();
      registerInProcessDispatcher(undefined);
      if (cronTimer) clearTimeout(cronTimer);
      // Cut backoffs and sleeps short: a run that fails now is not retried (stopped), and one that
      // goes on stops at its next step.
      for (const [timer, resolve] of waits) {
        clearTimeout(timer);
        resolve();
      }
      waits.clear();
      const settled = Promise.allSettled([...inFlight]).then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const done =
        stopOpts.graceMs === undefined
          ? await settled
          : await Promise.race([settled, new Promise<boolean>((resolve) => (timer = setTimeout(resolve, stopOpts.graceMs, false)))]);
      clearTimeout(timer);
      const unfinished = leftUnfinished + (done ? 0 : inFlight.size);
      if (unfinished) logger.info(`[jobs] stopped with ${unfinished} run(s) unfinished`);
    },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    describe() {
      return `in-process runner: ${opts.functions.length} function(s), ${crons.length} cron trigger(s); one instance only — with several replicas configure Inngest (INNGEST_EVENT_KEY)`;
    },
  };
}

/** Creates the runner, registers it with sendEvent and starts its schedule. */
export function startInProcessRunner(opts: InProcessRunnerOptions): InProcessRunner {
  const runner = createInProcessRunner(opts);
  runner.start();
  return runner;
}
