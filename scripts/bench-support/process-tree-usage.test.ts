import { describe, expect, it } from "vitest";
import { parseProcStat, processTreeUsage, sumTree } from "./process-tree-usage";

describe("parseProcStat", () => {
  it("reads pid, ppid and rss past a command name with spaces and parentheses", () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[1] = "17"; // ppid
    fields[11] = "250"; // utime ticks
    fields[12] = "50"; // stime ticks
    fields[21] = "1000"; // rss pages
    const text = `4242 (node (worker) 1) ${fields.join(" ")}`;
    expect(parseProcStat(text)).toEqual({ pid: 4242, ppid: 17, rssBytes: 1000 * 4096, cpuTicks: 300 });
  });

  it("refuses text that is not a stat line", () => {
    expect(parseProcStat("garbage")).toBeNull();
  });
});

describe("sumTree", () => {
  const stats = [
    { pid: 1, ppid: 0, rssBytes: 5, cpuTicks: 1 },
    { pid: 10, ppid: 1, rssBytes: 100, cpuTicks: 100 },
    { pid: 11, ppid: 10, rssBytes: 20, cpuTicks: 50 },
    { pid: 12, ppid: 10, rssBytes: 30, cpuTicks: 20 },
    { pid: 13, ppid: 12, rssBytes: 4, cpuTicks: 5 },
    { pid: 20, ppid: 1, rssBytes: 1000, cpuTicks: 1000 },
  ];

  it("sums the root and every descendant, and nothing else", () => {
    expect(sumTree(stats, 10)).toEqual({ bytes: 154, cpuSeconds: 1.75, processes: 4 });
    expect(sumTree(stats, 12)).toEqual({ bytes: 34, cpuSeconds: 0.25, processes: 2 });
  });

  it("answers zero for a process that is gone", () => {
    expect(sumTree(stats, 99)).toEqual({ bytes: 0, cpuSeconds: 0, processes: 0 });
  });
});

describe("processTreeUsage", () => {
  it("counts this process with a non-zero resident size", () => {
    const own = processTreeUsage(process.pid);
    expect(own.processes).toBeGreaterThanOrEqual(1);
    expect(own.bytes).toBeGreaterThan(1024 * 1024);
  });
});
