// Resident memory and CPU time of a process and all its descendants, read from /proc (Linux): the
// server may become several processes (workers, a database owner), and its usage is theirs together.
import { readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;

type Stat = { pid: number; ppid: number; rssBytes: number; cpuTicks: number };

/** Clock ticks per second of utime/stime (USER_HZ, 100 on Linux). */
export const CLOCK_TICKS = 100;

/** Parses /proc/<pid>/stat: the command name is in parentheses and may hold spaces. */
export function parseProcStat(text: string): Stat | null {
  const close = text.lastIndexOf(")");
  const open = text.indexOf("(");
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  // After ")": state (field 3), ppid (4), … utime (14), stime (15), … rss in pages (24).
  const fields = text.slice(close + 2).split(" ");
  const ppid = Number(fields[1]);
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(rssPages) || !Number.isFinite(cpuTicks)) return null;
  return { pid, ppid, rssBytes: rssPages * PAGE_BYTES, cpuTicks };
}

export type TreeUsage = { bytes: number; cpuSeconds: number; processes: number };

/**
 * Sums the RSS and the CPU time used so far (user + system) of `rootPid` and its live descendants;
 * answers the processes counted.
 */
export function processTreeUsage(rootPid: number): TreeUsage {
  const stats: Stat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (stat) stats.push(stat);
    } catch {
      // the process ended while we looked
    }
  }
  return sumTree(stats, rootPid);
}

/** The pure part: walks the parent links from `rootPid` down. */
export function sumTree(stats: readonly Stat[], rootPid: number): TreeUsage {
  const children = new Map<number, Stat[]>();
  let root: Stat | undefined;
  for (const s of stats) {
    if (s.pid === rootPid) root = s;
    const list = children.get(s.ppid);
    if (list) list.push(s);
    else children.set(s.ppid, [s]);
  }
  if (!root) return { bytes: 0, cpuSeconds: 0, processes: 0 };
  let bytes = 0;
  let ticks = 0;
  let processes = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length) {
    const s = queue.pop()!;
    if (seen.has(s.pid)) continue;
    seen.add(s.pid);
    bytes += s.rssBytes;
    ticks += s.cpuTicks;
    processes++;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return { bytes, cpuSeconds: ticks / CLOCK_TICKS, processes };
}
