import { describe, expect, it } from "vitest";
import { promptArguments } from "./prompt-arguments";

describe("promptArguments", () => {
  it("makes variables without a default required and names a default in the description", () => {
    expect(
      promptArguments([
        { name: "topic", description: "What to write about" },
        { name: "tone", default: "friendly" },
        { name: "length", default: "", description: "Words" },
      ]),
    ).toEqual([
      { name: "topic", description: "What to write about", required: true },
      { name: "tone", description: 'Default: "friendly".', required: false },
      { name: "length", description: 'Words Default: "".', required: false },
    ]);
  });
});
