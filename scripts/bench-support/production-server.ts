// The production server for a benchmark: `node --import tsx server.ts` (what `npm start` runs; it
// builds first when the build is stale) on a fresh DATA_DIR under /tmp, with the embedded database
// or a throw-away database on a PostgreSQL server, in its own process group so that it and
// everything it starts are stopped together.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redactUrl } from "../../src/server/db/redact-url";
import { createScratchDatabase } from "../../src/test/scratch-database";

/** Ports other jobs on this machine use; never picked. */
const RESERVED_PORTS = new Set([3000, 3210, 3299, 5432, 55432]);

export type ServerOptions = {
  root: string;
  /** Prefix of the work directory and the scratch database. */
  name: string;
  databaseUrl?: string;
  profile?: boolean;
  /** Leave the work directory and the scratch database in place. */
  keep?: boolean;
  extraEnv?: Record<string, string>;
  log?: (line: string) => void;
  /** Every line the server writes (stdout and stderr). */
  onLine?: (line: string) => void;
};

export type RunningServer = {
  pid: number;
  port: number;
  baseUrl: string;
  work: string;
  logFile: string;
  profileDir: string | null;
  database: string;
  env: NodeJS.ProcessEnv;
  /** Stops the server (SIGTERM to its group, SIGKILL after the grace), then removes what it made. */
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = http.createServer();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const { port: p } = server.address() as AddressInfo;
        server.close(() => resolve(p));
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(child: ChildProcess, graceMs: number, log: (line: string) => void) {
  const pid = child.pid;
  if (!pid) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    log(`  the server did not stop within ${graceMs / 1000} s; killing it`);
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

export async function startProductionServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const work = mkdtempSync(join(tmpdir(), `promptuary-${opts.name}-`));
  const dataDir = join(work, "data");
  const cleanups: (() => Promise<void> | void)[] = [];
  cleanups.push(() => {
    // The CPU profiles are written into it when the server stops: kept to be read.
    if (opts.keep || opts.profile) log(`  kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  let databaseUrl: string | undefined;
  let database = `embedded (PGlite) under ${dataDir}`;
  if (opts.databaseUrl) {
    const scratch = await createScratchDatabase(opts.databaseUrl, opts.name.replace(/\W/g, "_"));
    databaseUrl = scratch.url;
    database = `PostgreSQL, throw-away database ${redactUrl(scratch.url)}`;
    cleanups.push(async () => {
      if (opts.keep) return log(`  kept database ${redactUrl(scratch.url)}`);
      await scratch.drop();
    });
  }
  const runCleanups = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`  cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const port = await freePort();
  // All load comes from one address and a few accounts: rate limits are checked on every request
  // (their cost is part of what is measured) but set too high to refuse any, unless RATE_LIMITS is given.
  const rateLimits = process.env.RATE_LIMITS ?? JSON.stringify({ plans: { free: { api: 100_000_000, proxy: 100_000_000 } }, ip: { api: 100_000_000, proxy: 100_000_000 } });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", RATE_LIMITS: rateLimits, ...opts.extraEnv };
  for (const name of ["DATABASE_URL", "PROMPTUARY_EMBEDDED_DATABASE_URL", "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY"]) delete env[name];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  // --cpu-prof is not allowed in NODE_OPTIONS, so the server runs as `node [--cpu-prof] --import
  // tsx server.ts`, which is what `npm start` runs (without npm's own process in the tree).
  const profileDir = opts.profile ? join(work, "cpu-profiles") : null;
  const args = [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", "server.ts"];
  const logFile = join(work, "server.log");
  const logStream = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: opts.root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let exited: number | null | undefined;
  const lineReader = () => {
    let partial = "";
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        if (/^▸ (Building|Database|Applied|First start)/.test(line.trim())) log(`  server: ${line.trim()}`);
        opts.onLine?.(line);
      }
    };
  };
  const onData = (chunk: Buffer) => {
    logStream.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.stdout?.on("data", lineReader());
  child.stderr?.on("data", lineReader());
  child.on("exit", (code) => (exited = code));

  let stopping = false;
  const stop = async () => {
    stopping = true;
    // A profiled server writes its profile on exit, which takes a while for a long run.
    await stopGroup(child, profileDir ? 300_000 : 20_000, log);
    logStream.end();
    await runCleanups();
  };

  // A build (when stale) and the first seed come first: minutes on a busy machine.
  const deadline = Date.now() + 900_000;
  while (!output.includes("Promptuary is running at")) {
    if (exited !== undefined) {
      await runCleanups();
      throw new Error(`the server exited (${exited}) during start-up:\n${output.split("\n").slice(-25).join("\n")}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not start within 900 s; log: ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.on("exit", (code) => {
    if (!stopping) log(`\n✖ the server exited unexpectedly (${code}); log: ${logFile}`);
  });
  return { pid: child.pid!, port, baseUrl: `http://127.0.0.1:${port}`, work, logFile, profileDir, database, env, stop };
}
