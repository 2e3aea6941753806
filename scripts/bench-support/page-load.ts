// The load generator of `npm run bench:load`, run in its own process: closed-loop virtual users,
// each on its own keep-alive connection, looping over the page kinds and checking that every
// answer is the page it should be (for the viewer it is sent as), not just a 200.
import http from "node:http";
import superjson from "superjson";

export const PAGE_KINDS = ["home", "explore", "prompt", "search"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type CataloguePrompt = { slug: string; title: string };
/** One virtual user: anonymous (no cookie) or signed in with their own session. */
export type VirtualUser = { handle: string | null; cookie: string | null };

export type LoadJob = {
  baseUrl: string;
  users: VirtualUser[];
  prompts: CataloguePrompt[];
  words: string[];
  warmupMs: number;
  durationMs: number;
  timeoutMs: number;
};

export type ErrorCounts = { status: Record<string, number>; timeout: number; network: number; content: number };
export type LoadResult = {
  seconds: number;
  latencies: Record<PageKind, number[]>;
  /** The latencies of the answers the page cache rendered (x-cache: miss), a subset of `latencies`. */
  missLatencies: Record<PageKind, number[]>;
  errors: Record<PageKind, ErrorCounts>;
  /** A few examples of wrong answers, to see what went wrong. */
  samples: string[];
};

/** React escapes text like this; a title with & or ' appears so in the HTML. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The GET the app's tRPC client (httpBatchLink + superjson) sends for one query. */
export function trpcQueryPath(procedure: string, input: unknown) {
  return `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;
}

type Request = { kind: PageKind; path: string; check: (body: string) => string | null };

/** The n-th request of a virtual user: kinds in turn, each with varied words and prompts. */
export function requestFor(job: Pick<LoadJob, "prompts" | "words">, user: VirtualUser, userIndex: number, n: number): Request {
  const kind = PAGE_KINDS[(userIndex + n) % PAGE_KINDS.length];
  const turn = Math.floor((userIndex * 7 + n) / PAGE_KINDS.length);
  const word = job.words[(userIndex * 13 + turn) % job.words.length];
  const viewerCheck = (html: string) => {
    if (!html.includes("</html>")) return "incomplete HTML";
    if (user.handle) return html.includes(`Settings (@${user.handle})`) ? null : `not signed in as @${user.handle}`;
    return html.includes(">Sign in<") && !html.includes("Settings (@") ? null : "not the anonymous header";
  };
  const expect = (marker: string, what: string) => (html: string) => viewerCheck(html) ?? (html.includes(marker) ? null : `no ${what}`);
  switch (kind) {
    case "home":
      return { kind, path: "/", check: user.handle ? expect(">Welcome", "welcome heading") : expect("Keep, test, trade and discover LLM prompts", "home heading") };
    case "explore":
      return { kind, path: `/explore?q=${encodeURIComponent(word)}`, check: expect(">Explore prompts<", "Explore heading") };
    case "prompt": {
      const prompt = job.prompts[(userIndex * 11 + turn) % job.prompts.length];
      return { kind, path: `/p/${prompt.slug}`, check: expect(escapeHtml(prompt.title), `title "${prompt.title}"`) };
    }
    case "search":
      return {
        kind,
        path: trpcQueryPath("prompt.search", { q: word, limit: 20 }),
        check: (body) => {
          try {
            const items = (JSON.parse(body) as { result?: { data?: { json?: { items?: unknown } } } }[])[0]?.result?.data?.json?.items;
            return Array.isArray(items) ? null : "no items in the answer";
          } catch {
            return "not JSON";
          }
        },
      };
  }
}

const emptyErrors = (): ErrorCounts => ({ status: {}, timeout: 0, network: 0, content: 0 });

export async function runPageLoad(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.users.length, maxFreeSockets: job.users.length });
  const latencies = Object.fromEntries(PAGE_KINDS.map((k) => [k, [] as number[]])) as Record<PageKind, number[]>;
  const missLatencies = Object.fromEntries(PAGE_KINDS.map((k) => [k, [] as number[]])) as Record<PageKind, number[]>;
  const errors = Object.fromEntries(PAGE_KINDS.map((k) => [k, emptyErrors()])) as Record<PageKind, ErrorCounts>;
  const samples: string[] = [];
  const sample = (text: string) => samples.length < 8 && samples.push(text);

  const started = Date.now();
  const measureFrom = started + job.warmupMs;
  const stopAt = measureFrom + job.durationMs;
  let lastEnd = measureFrom;

  const once = (user: VirtualUser, request: Request) =>
    new Promise<void>((resolve) => {
      const counted = Date.now() >= measureFrom;
      const t0 = process.hrtime.bigint();
      const headers: Record<string, string> = { accept: request.kind === "search" ? "application/json" : "text/html", "accept-encoding": "identity" };
      if (user.cookie) headers.cookie = user.cookie;
      let settled = false;
      let miss = false;
      const finish = (error: keyof Omit<ErrorCounts, "status"> | null, status?: number, detail?: string) => {
        if (settled) return;
        settled = true;
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (counted) {
          lastEnd = Math.max(lastEnd, Date.now());
          const e = errors[request.kind];
          if (status !== undefined) {
            e.status[status] = (e.status[status] ?? 0) + 1;
            sample(`${status} ${request.path}`);
          } else if (error) {
            e[error]++;
            sample(`${error}: ${request.path}${detail ? ` (${detail})` : ""}`);
          } else {
            latencies[request.kind].push(ms);
            if (miss) missLatencies[request.kind].push(ms);
          }
        }
        resolve();
      };
      const req = http.request({ hostname: target.hostname, port: target.port, path: request.path, method: "GET", headers, agent }, (res) => {
        miss = res.headers["x-cache"] === "miss";
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) return finish(null, status);
          const problem = request.check(Buffer.concat(chunks).toString("utf8"));
          finish(problem ? "content" : null, undefined, problem ?? undefined);
        });
        res.on("error", () => finish("network"));
      });
      req.setTimeout(job.timeoutMs, () => {
        finish("timeout");
        req.destroy();
      });
      req.on("error", (error) => finish("network", undefined, error.message));
      req.end();
    });

  await Promise.all(
    job.users.map(async (user, i) => {
      for (let n = 0; Date.now() < stopAt; n++) await once(user, requestFor(job, user, i, n));
    }),
  );
  agent.destroy();
  return { seconds: Math.max(0.001, (lastEnd - measureFrom) / 1000), latencies, missLatencies, errors, samples };
}
