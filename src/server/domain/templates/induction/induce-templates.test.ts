import { describe, expect, it } from "vitest";
import { matchRendered } from "@/shared/prompts/match-rendered";
import { renderTemplate } from "@/shared/prompts/variables";
import { induceTemplates } from "./induce-templates";
import type { InductionResult } from "./types";

// A small seeded generator so that every corpus is the same on every run.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const VOCAB = "amber basil cedar delta ember fjord grove harbor island jasper kelp lumen meadow nectar onyx pebble quartz raven sierra tundra umber violet willow xenon yarrow zephyr anchor beacon cobalt drift echo flint glacier hollow ivory juniper kestrel lagoon".split(" ");
const words = (n: number) => Array.from({ length: n }, () => pick(VOCAB)).join(" ");
const sentence = () => {
  const w = words(int(4, 10));
  return `${w.charAt(0).toUpperCase()}${w.slice(1)}.`;
};
const paragraph = (n: number) => Array.from({ length: n }, sentence).join(" ");

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every input is placed exactly once; every member renders back from the shell and matches it. */
function expectConsistent(result: InductionResult, texts: string[]) {
  const seen = [...result.templates.flatMap((t) => t.members), ...result.unclustered].sort((a, b) => a - b);
  expect(seen).toEqual(texts.map((_t, i) => i));
  for (const t of result.templates) {
    expect(t.values).toHaveLength(t.members.length);
    t.members.forEach((m, k) => {
      const values = t.values[k];
      expect(Object.keys(values).sort()).toEqual([...t.variables].sort());
      // Values are exact substrings of the original text.
      for (const v of Object.values(values)) expect(texts[m].includes(v)).toBe(true);
      expect(squash(renderTemplate(t.template, values).text)).toBe(squash(texts[m]));
      expect(matchRendered(t.template, texts[m])).not.toBeNull();
    });
  }
}

const shellOf = (result: InductionResult, member: number) => result.templates.find((t) => t.members.includes(member));
const valuesOf = (result: InductionResult, member: number) => {
  const t = shellOf(result, member);
  return t ? t.values[t.members.indexOf(member)] : undefined;
};

describe("induceTemplates", () => {
  it("keeps a few-valued variable a variable, named from its context", () => {
    const texts = Array.from({ length: 12 }, () => `Translate the following text into ${pick(["French", "German", "Spanish"])}. Keep the tone.\n\nText: ${sentence()}`);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe("Translate the following text into {{language}}. Keep the tone.\n\nText: {{text}}");
    expect(result.templates[0].members).toHaveLength(12);
  });

  it("extracts multi-token, multi-line values and numbers exactly", () => {
    const texts = Array.from({ length: 10 }, (_x, i) => `Meeting ${1000 + i * 37} notes:\n${Array.from({ length: int(1, 4) }, () => `- ${sentence()}`).join("\n")}\n\nTurn these notes into action items with an owner for each.`);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    const t = result.templates[0];
    expect(squash(t.template.replace(/\{\{\w+\}\}/g, "{{}}"))).toBe("Meeting {{}} notes: {{}} Turn these notes into action items with an owner for each.");
    const values = valuesOf(result, 3) as Record<string, string>;
    expect(Object.values(values)).toContain(String(1000 + 3 * 37));
    expect(Object.values(values).some((v) => v.includes("\n- "))).toBe(true);
  });

  it("takes a code block as one value, keeping the fence and its language tag in the shell", () => {
    const code = () =>
      `def ${pick(["load", "parse", "save"])}_${pick(VOCAB)}(x):\n${Array.from({ length: int(1, 4) }, () => `    x = x * ${int(2, 9)}`).join("\n")}\n    return x`;
    const texts = Array.from({ length: 8 }, () => `Review this function for bugs and style. Reply with a numbered list.\n\n\`\`\`python\n${code()}\n\`\`\``);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe("Review this function for bugs and style. Reply with a numbered list.\n\n```python\n{{code}}\n```");
    expect(valuesOf(result, 0)?.code).toBe(texts[0].split("```python\n")[1].replace(/\n```$/, ""));
  });

  it("groups a short instruction followed by a long document (plain whole-text similarity fails here)", () => {
    const instruction = "Summarize the document below in three sentences for a busy executive, focusing on decisions and numbers.";
    const texts = Array.from({ length: 6 }, () => `${instruction}\n\n${Array.from({ length: 8 }, () => paragraph(6)).join("\n\n")}`);
    expect(texts[0].split(/\s+/).length).toBeGreaterThan(300);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe(`${instruction}\n\n{{document}}`);
    expect(result.templates[0].members).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("handles a document before the instruction, and a question after it", () => {
    const texts = Array.from({ length: 6 }, () => `Document:\n${paragraph(25)}\n\nQuestion: ${sentence().replace(/\.$/, "?")}\n\nAnswer using only the document above.`);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].variables).toEqual(["document", "question"]);
  });

  it("keeps few-shot examples in the shell and the new input as the value", () => {
    const shell = "Classify the sentiment as positive or negative.\n\nReview: The battery lasts for days.\nSentiment: positive\n\nReview: It broke after a week.\nSentiment: negative\n\nReview: {{review}}\nSentiment:";
    const reviews = Array.from({ length: 9 }, sentence);
    const texts = reviews.map((review) => shell.replace("{{review}}", review));
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe(shell);
    expect(result.templates[0].values.map((v) => v.review)).toEqual(reviews);
  });

  it("groups chat calls with histories of different lengths under their system prompt", () => {
    const system = "system: You are a patient maths tutor for teenagers. Never give the final answer directly; ask guiding questions and praise effort.";
    const texts = Array.from({ length: 10 }, (_x, i) => {
      let chat = system;
      for (let turn = 0; turn < i % 4; turn++) chat += `\n\nuser: ${sentence()}\n\nassistant: ${sentence()}`;
      return `${chat}\n\nuser: ${sentence()}`;
    });
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template.startsWith(`${system}\n\nuser: {{`)).toBe(true);
    expect(result.templates[0].members).toHaveLength(10);
  });

  it("keeps two templates that share most of their words apart", () => {
    const a = (text: string) => `You are a triage bot for the IT help desk. Categorize the ticket into exactly one of: hardware, software, network.\nTicket: ${text}\nCategory:`;
    const b = (text: string) => `You are a triage bot for the online shop. Categorize the ticket into exactly one of: shipping, returns, payments. Reply with a one-line reason.\nTicket: ${text}\nCategory:`;
    const texts = Array.from({ length: 16 }, (_x, i) => (i % 2 ? a(sentence()) : b(sentence())));
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(2);
    for (const t of result.templates) {
      const sides = new Set(t.members.map((m) => m % 2));
      expect(sides.size).toBe(1);
      expect(t.members).toHaveLength(8);
    }
  });

  it("names variables from the words before them, else var1, var2…", () => {
    const texts = Array.from({ length: 8 }, () => `The customer name is ${pick(["Ana", "Bo", "Cy", "Di"])} ${pick(["Lee", "Kim", "Roe"])} and the plan is ${pick(["pro", "team", "free"])}.\nLanguage: ${pick(["Go", "Rust", "Python"])}\n${words(3)} - ${words(2)}`);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].variables.slice(0, 3)).toEqual(["customer_name", "plan", "language"]);
  });

  it("leaves singletons, duplicates of one text and clusters that are mostly variables unclustered", () => {
    const texts = [
      "Write a haiku about the sea.",
      "Write a haiku about the sea.",
      "What is the airspeed of an unladen swallow?",
      ...Array.from({ length: 6 }, () => `${words(int(5, 9))} the ${words(int(4, 9))}`),
    ];
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toEqual([]);
    expect(result.unclustered).toEqual(texts.map((_t, i) => i));
  });

  it("lists duplicates of a member as members with the same values", () => {
    const texts = ["Write a haiku about the quiet sea.", "Write a haiku about autumn rain.", "Write a haiku about the quiet sea.", "Write a haiku about a fox."];
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe("Write a haiku about {{topic}}.");
    expect(result.templates[0].members).toEqual([0, 1, 2, 3]);
    expect(result.templates[0].values[2]).toEqual(result.templates[0].values[0]);
  });

  it("uses the threshold: a lower one joins prompts a higher one keeps apart", () => {
    const texts = Array.from({ length: 8 }, (_x, i) => (i % 2 ? `Please write a short poem about ${words(2)} for my friend.` : `Please write a long essay about ${words(2)} for my class.`));
    expect(induceTemplates(texts, { threshold: 0.9 }).templates).toHaveLength(2);
    expect(induceTemplates(texts, { threshold: 0.5 }).templates).toHaveLength(1);
    expect(() => induceTemplates(texts, { threshold: 0 })).toThrow(RangeError);
    expect(() => induceTemplates(texts, { threshold: 1.5 })).toThrow(RangeError);
  });
});

describe("induceTemplates on structured and leading values", () => {
  it("takes a JSON record of one layout as one value", () => {
    const texts = Array.from({ length: 8 }, (_x, i) => {
      const record = { id: 100 + i * 7, name: pick(["Ann Lee", "Bo Kim", "Cy Roe"]), plan: pick(["pro", "team"]), tags: i % 2 ? ["a", "b"] : ["c"] };
      return `Here is a customer record:\n${JSON.stringify(record, null, i % 2 ? 2 : undefined)}\n\nWrite a short renewal reminder for this customer.`;
    });
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe("Here is a customer record:\n{{customer_record}}\n\nWrite a short renewal reminder for this customer.");
    expect(JSON.parse(result.templates[0].values[1].customer_record)).toMatchObject({ id: 107 });
  });

  it("finds the template when the document comes first", () => {
    const texts = Array.from({ length: 6 }, (_x, i) => `${paragraph(20)}\n\nWhat are the three most important points in the text above? Answer in ${["French", "German", "Italian"][i % 3]}.`);
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe("{{document}}\n\nWhat are the three most important points in the text above? Answer in {{language}}.");
  });

  it("keeps a one-off near-copy with other instructions out of a template (it would turn the instructions into variables)", () => {
    const acme = "system: You are a support agent for Acme Corp. Answer the customer's question politely, in at most three sentences, and never promise refunds.\n\nuser: ";
    const globex = "system: You are a support agent for Globex. Reply to the customer's email politely and briefly, in German, and sign as the Globex team.\n\nuser: Hallo, mein Paket fehlt.";
    const texts = [...["Where is my order #4411?", "How do I reset my password?", "Can I change my delivery address?", "My invoice shows the wrong name."].map((q) => acme + q), globex];
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].template).toBe(`${acme}{{user}}`);
    expect(result.templates[0].members).toEqual([0, 1, 2, 3]);
    expect(result.unclustered).toEqual([4]);
  });
  it("handles documents of hundreds of thousands of words (no call with one argument per token)", () => {
    const words = Array.from({ length: 300_000 }, (_x, i) => `w${i % 977}`).join(" ");
    const texts = [words, `${words} extra`, "a short unrelated line"];
    const result = induceTemplates(texts);
    expectConsistent(result, texts);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0].members).toEqual([0, 1]);
  });
});
