import { describe, expect, it } from "vitest";
import { parseSse } from "./sse";

describe("parseSse", () => {
  it("splits events, joins multi-line data, skips comments, handles CRLF", () => {
    const text = ": keep-alive\r\nevent: a\r\ndata: one\r\ndata: two\r\n\r\ndata:three\n\n";
    expect(parseSse(text)).toEqual([
      { event: "a", data: "one\ntwo" },
      { event: null, data: "three" },
    ]);
  });

  it("keeps a final event without a trailing blank line", () => {
    expect(parseSse("data: [DONE]")).toEqual([{ event: null, data: "[DONE]" }]);
  });
});
