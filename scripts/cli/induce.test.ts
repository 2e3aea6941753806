import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { induceFile, readPrompts } from "./induce";

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "induce-")), "prompts.txt");
  writeFileSync(path, content);
  return path;
};

describe("readPrompts", () => {
  it("reads one prompt per line; blank lines keep their index and hold no prompt", () => {
    expect(readPrompts("a b\n\nc d\n")).toEqual({ format: "lines", prompts: ["a b", null, "c d"] });
  });

  it("detects JSONL only when every non-empty line is an object with a string text", () => {
    expect(readPrompts('{"text":"a\\nb"}\n\n{"text":"c","id":3}\r\n')).toEqual({ format: "jsonl", prompts: ["a\nb", null, "c"] });
    expect(readPrompts('{"text":"a"}\n{"other":1}\n').format).toBe("lines");
    expect(readPrompts('{"text":"a"}\n["text"]\n').format).toBe("lines");
  });
});

describe("induceFile", () => {
  const haikus = ["Write a haiku about the quiet sea.", "", "Write a haiku about autumn rain.", "Write a haiku about a fox in the snow.", "What time is it in Lima?"];

  it("reports members and unclustered prompts by line index, every line exactly once", () => {
    const outcome = induceFile({ input: file(haikus.join("\n") + "\n") });
    if ("usage" in outcome) throw new Error(outcome.usage);
    expect(outcome.result.templates).toHaveLength(1);
    expect(outcome.result.templates[0]).toMatchObject({ template: "Write a haiku about {{topic}}.", variables: ["topic"], members: [0, 2, 3] });
    expect(outcome.result.templates[0].values[1]).toEqual({ topic: "autumn rain" });
    expect(outcome.result.unclustered).toEqual([1, 4]);
    expect(outcome.text).toContain("Template 1: 3 prompts");
  });

  it("reads JSONL prompts with newlines", () => {
    const outcome = induceFile({ input: file(haikus.map((h) => (h ? JSON.stringify({ text: `${h}\nThanks!` }) : "")).join("\n")) });
    if ("usage" in outcome) throw new Error(outcome.usage);
    expect(outcome.format).toBe("jsonl");
    expect(outcome.result.templates[0].template).toBe("Write a haiku about {{topic}}.\nThanks!");
  });

  it("names the flag in usage errors", () => {
    expect(induceFile({})).toEqual({ usage: expect.stringContaining("--input") });
    expect(induceFile({ input: "/nonexistent/file.txt" })).toEqual({ usage: expect.stringContaining("--input: cannot read") });
    for (const threshold of ["0", "1.5", "abc", ""]) expect(induceFile({ input: file("x\n"), threshold })).toEqual({ usage: expect.stringContaining("--threshold") });
  });

  it("applies the threshold", () => {
    const outcome = induceFile({ input: file(haikus.join("\n")), threshold: "1" });
    if ("usage" in outcome) throw new Error(outcome.usage);
    expect(outcome.result.templates).toHaveLength(1);
  });
});
