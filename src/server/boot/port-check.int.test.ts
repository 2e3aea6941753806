// `npm start` on a port that is already served exits at once, naming the port and the PORT setting,
// and leaves nothing behind (no data directory, no database lock).
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const withoutDatabaseUrl = ({ DATABASE_URL: _unused, ...rest }: NodeJS.ProcessEnv) => rest;

let occupied: Server;
let port: number;
const base = mkdtempSync(join(tmpdir(), "pq-port-"));

beforeAll(async () => {
  occupied = createServer((_req, res) => res.end("someone else"));
  await new Promise<void>((resolve) => occupied.listen(0, "127.0.0.1", resolve));
  port = (occupied.address() as AddressInfo).port;
});
afterAll(() => {
  occupied.close();
  rmSync(base, { recursive: true, force: true });
});

describe("start-up on a taken port", () => {
  it("exits with status 1 and a message naming the port, before opening the database", () => {
    const dataDir = join(base, "data");
    const run = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: process.cwd(),
      env: { ...withoutDatabaseUrl(process.env), PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain("PORT=");
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
  });
});
