// The real server as `npm start` runs it (`node --import tsx server.ts`, production mode), in its
// own process, for tests about processes: crashes, signals, outages. Builds the app first when the
// build is stale, once even when several test processes ask at the same time.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, rmdir, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "@/server/boot/build-freshness";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export type ServerProcess = {
  readonly pid: number;
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
    child.stderr.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}

/** Builds the production app if it is stale; concurrent callers wait for one build. */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), `promptuary-test-build-${Buffer.from(ROOT).toString("hex").slice(-16)}.lock`);
  for (;;) {
    if (!buildIsStale(ROOT)) return;
    try {
      await mkdir(lock);
    } catch {
      // Another test process is building; a lock older than any build was left by a killed run.
      const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) await rmdir(lock).catch(() => {});
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (buildIsStale(ROOT)) await run("npx", ["next", "build"]);
    } finally {
      await rmdir(lock).catch(() => {});
    }
  }
}

/** Starts the server and resolves once it is listening. */
export async function startServer(opts: { dataDir: string; port: number; env?: Record<string, string> }): Promise<ServerProcess> {
  await ensureBuilt();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: opts.dataDir,
    PORT: String(opts.port),
    HOST: "127.0.0.1",
    AUTH_SECRET: "process-test-secret-process-test-secret",
    // Traffic here runs flat out from one address to test durability: rate limits are checked but
    // never reached (they have their own tests); a test may set RATE_LIMITS itself.
    RATE_LIMITS: JSON.stringify({ plans: { free: { api: 100_000_000, proxy: 100_000_000 } }, ip: { api: 100_000_000, proxy: 100_000_000 } }),
    ...opts.env,
  };
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL", "PROMPTUARY_EMBEDDED_DATABASE_URL", "TEST_DATABASE_URL", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[name];
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;

  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s:\n${output}`)), 120_000);
    const check = () => {
      if (!output.includes("Promptuary is running at")) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on("data", check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) during start-up:\n${output}`));
    });
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${opts.port}`,
    output: () => output,
    exited,
    kill: (signal) => void child.kill(signal),
  };
}
