import { describe, expect, it } from "vitest";
import { CURSOR_GONE, isCursorGone, nextPageAfter } from "./next-page-after";

/** A list of ids paged like the server's: a cursor must be one of its rows. */
function list(ids: string[], limit = 2) {
  const asked: string[] = [];
  const fetchPage = async (cursor: string) => {
    asked.push(cursor);
    const at = ids.indexOf(cursor);
    if (at < 0) throw new Error(`${CURSOR_GONE} (it may have been removed since)`);
    return ids.slice(at + 1, at + 1 + limit);
  };
  return { fetchPage, asked };
}

describe("nextPageAfter", () => {
  it("asks after the last row shown", async () => {
    const l = list(["a", "b", "c", "d", "e"]);
    expect(await nextPageAfter(["a", "b"], l.fetchPage)).toEqual(["c", "d"]);
    expect(l.asked).toEqual(["b"]);
  });

  it("steps back past rows that have left the list since they were shown", async () => {
    const l = list(["a", "d", "e", "f"]);
    expect(await nextPageAfter(["a", "b", "c"], l.fetchPage)).toEqual(["d", "e"]);
    expect(l.asked).toEqual(["c", "b", "a"]);
  });

  it("gives up after its tries, and passes any other failure on at once", async () => {
    const l = list(["z"]);
    await expect(nextPageAfter(["a", "b", "c"], l.fetchPage, 2)).rejects.toThrow(CURSOR_GONE);
    expect(l.asked).toEqual(["c", "b"]);
    let calls = 0;
    const down = async () => {
      calls++;
      throw new Error("Failed to fetch");
    };
    await expect(nextPageAfter(["a", "b"], down)).rejects.toThrow("Failed to fetch");
    expect(calls).toBe(1);
  });

  it("recognises a list's refusal of a cursor whose row is gone, and nothing else", () => {
    expect(isCursorGone(new Error(`${CURSOR_GONE} (it may have been removed since)`))).toBe(true);
    expect(isCursorGone(new Error("cursor: is not a cursor this search returned"))).toBe(false);
    expect(isCursorGone("cursor: is not in this list")).toBe(false);
  });
});
