// Proxied calls with the official openai SDK from several concurrent callers, each call carrying a
// unique marker in its prompt ("call <n>"), until stopped; records which calls got a 200 and which
// failed, so a test can check that every answered call was stored.
import OpenAI from "openai";

export type Traffic = {
  /** Markers of calls answered 200. */
  readonly answered: Set<string>;
  /** Failed calls: marker → error message. */
  readonly failed: Map<string, string>;
  /** Stops starting calls and resolves when every caller's last call has ended. */
  stop(): Promise<void>;
  /** Resolves once `count` calls were answered. */
  answeredAtLeast(count: number): Promise<void>;
};

export function startTraffic(opts: { baseUrl: string; key: string; callers: number; prefix: string }): Traffic {
  const openai = new OpenAI({
    apiKey: "sk-process-test-provider-key-0000",
    baseURL: `${opts.baseUrl}/api/proxy/openai/v1`,
    defaultHeaders: { "x-promptuary-key": opts.key },
    maxRetries: 0,
    timeout: 30_000,
  });
  const answered = new Set<string>();
  const failed = new Map<string, string>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let next = 0;
  let stopped = false;

  const caller = async () => {
    while (!stopped) {
      const marker = `${opts.prefix} call ${next++}`;
      try {
        await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: marker }] });
        answered.add(marker);
        for (const w of waiters) if (answered.size >= w.count) w.resolve();
      } catch (error) {
        failed.set(marker, error instanceof Error ? error.message : String(error));
        await new Promise((r) => setTimeout(r, 20)); // a dead server refuses at once
      }
    }
  };
  const callers = Promise.all(Array.from({ length: opts.callers }, caller));

  return {
    answered,
    failed,
    async stop() {
      stopped = true;
      await callers;
    },
    answeredAtLeast: (count) => new Promise<void>((resolve) => (answered.size >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}
