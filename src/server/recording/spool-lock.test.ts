// The spool lock across real processes: a second process is refused with a message naming the
// holder, a clean exit releases the lock, a kill -9 leaves a lock the next process takes over, a
// reused pid or a lock from another machine left unrefreshed does not block, and of several
// processes racing for a stale lock exactly one wins.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createCaptureSpool } from "./capture-spool";
import { lockSpoolDir, SpoolLockedError, type SpoolLockHolder } from "./spool-lock";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const children: ChildProcess[] = [];
const roots: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function spoolDir() {
  const root = await mkdtemp(join(tmpdir(), "pq-spool-lock-"));
  roots.push(root);
  return join(root, "spool");
}

type Child = { child: ChildProcess; output: () => string; line: Promise<string>; exited: Promise<number | null> };

/** Another process that opens the spool in `dir` the way the server does, prints "locked <pid>" and then holds it (or "refused: …" and exits 1). */
function otherProcess(dir: string, then: "hold" | "exit" = "hold"): Child {
  const script = `
    const { createCaptureSpool } = await import(${JSON.stringify(join(ROOT, "src/server/recording/capture-spool.ts"))});
    try { createCaptureSpool(process.argv[1]); } catch (error) { console.log("refused: " + error.message); process.exit(1); }
    console.log("locked " + process.pid);
    ${then === "hold" ? "setInterval(() => {}, 1000);" : "process.exit(0);"}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dir], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const line = new Promise<string>((resolve) => {
    child.stdout!.on("data", (c: Buffer) => {
      output += c.toString();
      if (output.includes("\n")) resolve(output.split("\n")[0]);
    });
    child.on("exit", () => resolve(output.split("\n")[0]));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, line, exited };
}

const holderOf = async (dir: string) => JSON.parse(await readFile(`${dir}.lock`, "utf8")) as SpoolLockHolder;

describe("spool lock", () => {
  it("refuses a second process with a message naming the holder; the same process may open it again", async () => {
    const dir = await spoolDir();
    const first = otherProcess(dir);
    expect(await first.line).toBe(`locked ${first.child.pid}`);
    const second = otherProcess(dir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`refused: The capture spool ${dir} is in use by process ${first.child.pid} on ${hostname()}`);
    expect(second.output()).toContain("give every replica its own DATA_DIR");
    expect(() => lockSpoolDir(dir)).toThrow(SpoolLockedError);
    expect((await holderOf(dir)).pid).toBe(first.child.pid);

    // This process, twice: its own lock back.
    const mine = await spoolDir();
    const a = lockSpoolDir(mine);
    expect(lockSpoolDir(mine)).toBe(a);
    expect(() => createCaptureSpool(mine)).not.toThrow();
    a.release();
    expect(existsSync(`${mine}.lock`)).toBe(false);
  }, 30_000);

  it("is released by a clean exit, and taken over after a kill -9", async () => {
    const dir = await spoolDir();
    const clean = otherProcess(dir, "exit");
    expect(await clean.exited).toBe(0);
    expect(existsSync(`${dir}.lock`)).toBe(false);

    const killed = otherProcess(dir);
    expect(await killed.line).toBe(`locked ${killed.child.pid}`);
    killed.child.kill("SIGKILL");
    await killed.exited;
    expect((await holderOf(dir)).pid).toBe(killed.child.pid); // left behind
    const next = otherProcess(dir);
    expect(await next.line).toBe(`locked ${next.child.pid}`);
    expect((await holderOf(dir)).pid).toBe(next.child.pid);
  }, 30_000);

  it("takes over a lock whose pid now belongs to another process, and a lock from another machine once it is not refreshed", async () => {
    const dir = await spoolDir();
    const mine = JSON.parse(JSON.stringify(lockSpoolDir(join(dir, "..", "probe")).holder)) as SpoolLockHolder;
    // This test's parent process is alive, but the lock says it started at another time: pid reused.
    await writeFile(`${dir}.lock`, JSON.stringify({ ...mine, pid: process.ppid, start: "1", token: "reused" }));
    const lock = lockSpoolDir(dir);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();

    const elsewhere = { ...mine, host: "another-machine", pid: 4242, token: "elsewhere" };
    await writeFile(`${dir}.lock`, JSON.stringify(elsewhere));
    expect(() => lockSpoolDir(dir, { staleMs: 5_000 })).toThrow(/in use by process 4242 on another-machine/);
    const old = new Date(Date.now() - 6_000);
    await utimes(`${dir}.lock`, old, old);
    expect(lockSpoolDir(dir, { staleMs: 5_000 }).holder.pid).toBe(process.pid);
  });

  it("of several processes racing for a stale lock, exactly one gets it", async () => {
    const dir = await spoolDir();
    const dead = otherProcess(dir);
    await dead.line;
    dead.child.kill("SIGKILL");
    await dead.exited;
    const racers = Array.from({ length: 4 }, () => otherProcess(dir));
    const lines = await Promise.all(racers.map((r) => r.line));
    const winners = lines.filter((l) => l.startsWith("locked "));
    expect(winners, lines.join("\n")).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("refused: "))).toHaveLength(3);
    expect(`locked ${(await holderOf(dir)).pid}`).toBe(winners[0]);
  }, 30_000);
});
