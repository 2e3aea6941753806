import { describe, expect, it } from "vitest";
import { convertNunjucks } from "./nunjucks-variables";
import { parseJsonl, parseMarkdownPrompt, parsePromptfooFile } from "./parse-import-files";

describe("promptfoo files", () => {
  it("splits a .txt on lines holding only --- and numbers each prompt from the line it starts on", () => {
    const items = parsePromptfooFile("prompts/greet.txt", "Hello {{name}}\n---\n\n  \n---  \n\nBye {{name}}\n", { category: "writing" });
    expect(items.map((i) => (i.kind === "file" ? [i.at.line, i.key, i.value.title, i.value.body] : i.kind))).toEqual([
      [1, "prompts/greet-1", "Greet 1", "Hello {{name}}"],
      [7, "prompts/greet-2", "Greet 2", "Bye {{name}}"],
    ]);
  });

  it("keeps a single .txt prompt under the file's own name", () => {
    const [item] = parsePromptfooFile("customer_service.txt", "Help {{customer}}.\n");
    expect(item).toMatchObject({ kind: "file", key: "customer_service", value: { title: "Customer service", body: "Help {{customer}}." } });
  });

  it("reads a .json chat array as its JSON, converting Nunjucks filters inside the messages", () => {
    const [item] = parsePromptfooFile("chat.json", JSON.stringify([{ role: "user", content: 'Hi {{ who | default("you") }}' }]));
    expect(item.kind === "file" && JSON.parse(item.value.body)).toEqual([{ role: "user", content: "Hi {{who|you}}" }]);
  });

  it("keeps a .json file that is not JSON as text, as promptfoo does; refuses unreadable YAML", () => {
    expect(parsePromptfooFile("odd.json", "Just {{text}} here")[0]).toMatchObject({ kind: "file", value: { body: "Just {{text}} here" } });
    expect(parsePromptfooFile("bad.yaml", "a: [1, 2\n")[0]).toMatchObject({ kind: "unreadable", message: expect.stringMatching(/^not YAML/) });
  });

  it("reads a YAML string as the prompt's text", () => {
    expect(parsePromptfooFile("one.yml", "|-\n  Line one {{x}}\n  Line two\n")[0]).toMatchObject({ kind: "file", value: { body: "Line one {{x}}\nLine two" } });
  });
});

describe("Nunjucks", () => {
  it("turns default() into a Promptuary default, drops other filters and reports them and tags", () => {
    const out = convertNunjucks(`{{ a | default("x y") }} {{b|d('z')}} {{ c | upper }} {{ d | trim | default("k") }} {% if e %}E{% endif %}`);
    expect(out.body).toBe("{{a|x y}} {{b|z}} {{c}} {{d|k}} {% if e %}E{% endif %}");
    expect(out.warnings).toEqual([
      'the Nunjucks filter "upper" on {{c}} is not applied by Promptuary; dropped',
      'the Nunjucks filter "trim" on {{d}} is not applied by Promptuary; dropped',
      "Nunjucks tags ({% … %}) are kept as text: Promptuary fills {{variables}} only",
    ]);
  });

  it("leaves plain slots and expressions alone (the body check refuses the expressions)", () => {
    expect(convertNunjucks("{{ name }} {{ a.b }}").body).toBe("{{ name }} {{ a.b }}");
  });
});

describe("Markdown with front matter", () => {
  it("reads the fields, model settings at the top or nested, and the body after the front matter", () => {
    const item = parseMarkdownPrompt("x/review.md", "---\ntitle: Review\ntags: a, b\nmodel: gpt-4o\nmodelSettings:\n  temperature: 0.1\n---\n\nBody {{diff}}\n");
    expect(item).toMatchObject({ kind: "file", key: "x/review", value: { title: "Review", tags: ["a", "b"], body: "Body {{diff}}", modelSettings: { temperature: 0.1, model: "gpt-4o" } } });
  });

  it("reports front matter that is not YAML, or not a map", () => {
    expect(parseMarkdownPrompt("a.md", "---\ntitle: [oops\n---\nx")).toMatchObject({ kind: "unreadable", message: expect.stringMatching(/^front matter: not YAML/) });
    expect(parseMarkdownPrompt("a.md", "---\n- a\n---\nx")).toMatchObject({ kind: "unreadable", message: expect.stringMatching(/not a map/) });
  });
});

describe("JSONL", () => {
  it("numbers lines from 1, skips blank ones and reports lines that are not JSON", () => {
    const items = parseJsonl('{"a":1}\r\n\n{oops\n', "f.jsonl");
    expect(items.map((i) => [i.at.line, i.kind])).toEqual([
      [1, "record"],
      [3, "unreadable"],
    ]);
  });
});
