import { describe, expect, it } from "vitest";
import { formatRowError, parseRows, rowErrorField } from "./parse-rows";

const vars = [{ name: "topic" }, { name: "tone", default: "friendly" }];

describe("parseRows: CSV", () => {
  it("reads quoted fields, commas and line breaks inside quotes, and leaves empty cells to the default", () => {
    const csv = 'topic,tone\n"tides, and moons",formal\n"a\nmulti-line topic",\nvolcanoes,""\n';
    const parsed = parseRows(csv, vars, { fileName: "rows.csv" });
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe("csv");
    expect(parsed.columns).toEqual(["topic", "tone"]);
    expect(parsed.rows).toEqual([{ topic: "tides, and moons", tone: "formal" }, { topic: "a\nmulti-line topic" }, { topic: "volcanoes" }]);
  });

  it("reports wrong field counts, unknown and missing columns, and empty required cells by row and column", () => {
    const csv = "topic,colour\nbees,red\nants\nwasps,blue,extra\n,green\n";
    const parsed = parseRows(csv, vars);
    expect(parsed.errors.map(formatRowError)).toEqual([
      'header, column colour: column "colour" is not a variable of this version (variables: topic, tone)',
      "row 2: has 1 field, the header has 2",
      "row 3: has 3 fields, the header has 2",
      "row 4, column topic: has no value for {{topic}}, which has no default",
    ]);
    expect(rowErrorField(parsed.errors[3])).toBe("rows.4.topic");
    expect(parseRows("tone\nformal\n", vars).errors.map(formatRowError)).toEqual(["header, column topic: no column for the variable {{topic}}, which has no default"]);
  });

  it("reports a duplicate header and a broken quote", () => {
    expect(parseRows("topic,topic\na,b\n", vars).errors[0]).toMatchObject({ row: 0, column: "topic", message: 'column "topic" appears twice in the header' });
    const broken = parseRows('topic\n"never closed\n', vars);
    expect(broken.errors.some((e) => /quote/i.test(e.message))).toBe(true);
  });

  it("refuses more rows than the limit (naming rows) and an empty file", () => {
    const csv = `topic\n${Array.from({ length: 6 }, (_, i) => `t${i}`).join("\n")}\n`;
    const over = parseRows(csv, vars, { maxRows: 5 });
    expect(over.errors).toEqual([{ row: 0, message: "there are 6 rows; a batch may have at most 5" }]);
    expect(rowErrorField(over.errors[0])).toBe("rows");
    expect(parseRows("topic\n", vars).errors).toEqual([{ row: 0, message: "there are no rows" }]);
  });
});

describe("parseRows: JSONL", () => {
  it("reads one object per non-blank line", () => {
    const parsed = parseRows('{"topic":"bees"}\n\n{"topic":"ants","tone":"dry"}\n', vars, { fileName: "rows.jsonl" });
    expect(parsed.format).toBe("jsonl");
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([{ topic: "bees" }, { topic: "ants", tone: "dry" }]);
  });

  it("reports invalid JSON, non-objects, non-string values and unknown keys by row and column", () => {
    const jsonl = ['{"topic":"bees"}', "{not json", "[1,2]", '{"topic":42}', '{"topic":"x","colour":"red"}', '{"tone":"dry"}'].join("\n");
    const parsed = parseRows(jsonl, vars);
    expect(parsed.format).toBe("jsonl");
    const lines = parsed.errors.map(formatRowError);
    expect(lines[0]).toMatch(/^row 2: line 2 is not valid JSON/);
    expect(lines.slice(1)).toEqual([
      "row 3: line 3 is an array, expected an object of variable values",
      "row 4, column topic: is a number; values must be text (put it in quotes)",
      'row 5, column colour: "colour" is not a variable of this version (variables: topic, tone)',
      "row 6, column topic: has no value for {{topic}}, which has no default",
    ]);
  });
});
