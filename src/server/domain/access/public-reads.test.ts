import { afterEach, describe, expect, it, vi } from "vitest";
import { publicRead, seesWhatAnonymousSees, sharePublicReads, sweepPublicReads } from "./public-reads";

const NOTHING = { orgs: false, licenses: false, prompts: false };

function counter<T>(value: () => T) {
  const compute = vi.fn(async () => value());
  return compute;
}

afterEach(() => {
  sharePublicReads(null);
  vi.useRealTimers();
});

describe("seesWhatAnonymousSees", () => {
  it("is true for anonymous visitors and people with no prompts, memberships or licenses, never for admins", () => {
    expect(seesWhatAnonymousSees(null, NOTHING)).toBe(true);
    expect(seesWhatAnonymousSees({ id: "u1", handle: "u1", role: "user" as const }, NOTHING)).toBe(true);
    expect(seesWhatAnonymousSees({ id: "u1", handle: "u1", role: "admin" as const }, NOTHING)).toBe(false);
    expect(seesWhatAnonymousSees({ id: "u1", handle: "u1", role: "user" as const }, { ...NOTHING, orgs: true })).toBe(false);
    expect(seesWhatAnonymousSees({ id: "u1", handle: "u1", role: "user" as const }, { ...NOTHING, licenses: true })).toBe(false);
    expect(seesWhatAnonymousSees({ id: "u1", handle: "u1", role: "user" as const }, { ...NOTHING, prompts: true })).toBe(false);
  });
});

describe("publicRead", () => {
  it("computes every time when no page cache lends its generation", async () => {
    const compute = counter(() => ({ n: 1 }));
    await publicRead("k", compute);
    await publicRead("k", compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("answers a key once per generation, each caller with its own copy", async () => {
    sharePublicReads({ generation: () => 0, writing: () => false, ttlMs: 30_000 });
    const compute = counter(() => ({ items: [{ title: "A", at: new Date(0) }] }));
    const first = await publicRead("k", compute);
    first.items[0].title = "changed by the first caller";
    const second = await publicRead("k", compute);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(second).toEqual({ items: [{ title: "A", at: new Date(0) }] });
    expect(await publicRead("other", compute)).toEqual(second);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("computes again once a write has started or ended", async () => {
    let generation = 0;
    sharePublicReads({ generation: () => generation, writing: () => false, ttlMs: 30_000 });
    let value = "before";
    const compute = counter(() => value);
    expect(await publicRead("k", compute)).toBe("before");
    generation++;
    value = "after";
    expect(await publicRead("k", compute)).toBe("after");
    expect(await publicRead("k", compute)).toBe("after");
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing computed while a write started or ended", async () => {
    let generation = 0;
    sharePublicReads({ generation: () => generation, writing: () => false, ttlMs: 30_000 });
    let value = "read during the write";
    const compute = vi.fn(async () => {
      const v = value;
      generation++;
      return v;
    });
    expect(await publicRead("k", compute)).toBe("read during the write");
    value = "read after";
    compute.mockImplementation(async () => value);
    expect(await publicRead("k", compute)).toBe("read after");
  });

  it("neither answers from nor keeps anything while someone signed in is writing", async () => {
    let writing = false;
    sharePublicReads({ generation: () => 0, writing: () => writing, ttlMs: 30_000 });
    let value = "before";
    const compute = counter(() => value);
    await publicRead("k", compute);
    writing = true;
    value = "during";
    expect(await publicRead("k", compute)).toBe("during");
    writing = false;
    value = "after";
    expect(await publicRead("k", compute)).toBe("before");
    sharePublicReads({ generation: () => 0, writing: () => writing, ttlMs: 30_000 });
    writing = true;
    await publicRead("k", compute);
    writing = false;
    value = "later";
    expect(await publicRead("k", compute)).toBe("later");
  });

  it("computes again past the TTL, and the sweep drops what is past it", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    sharePublicReads({ generation: () => 0, writing: () => false, ttlMs: 1_000 });
    const compute = counter(() => "x");
    await publicRead("a", compute);
    await publicRead("b", compute);
    vi.setSystemTime(999);
    await publicRead("a", compute);
    expect(compute).toHaveBeenCalledTimes(2);
    vi.setSystemTime(1_000);
    expect(sweepPublicReads()).toBe(2);
    await publicRead("a", compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
