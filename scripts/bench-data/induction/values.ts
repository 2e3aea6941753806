// Value vocabularies for the induction evaluation set: seeded, varied lengths and shapes (names,
// numbers, languages, topics, sentences, multi-paragraph documents, code, JSON, chat histories).
import { seededRandom, type RandomSource } from "../../../src/shared/random/seeded-random";

export type Rng = RandomSource;

/** Seeded, so the evaluation set is the same on every run. */
export const rng = seededRandom;

export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIRST = "Alice Bruno Chen Dana Elif Farid Greta Hiro Ines Jamal Kofi Lena Mateo Nadia Omar Priya Quinn Rosa Sven Tomas Uma Vera Wen Ximena Yusuf Zoe Aiko Bilal Carmen Dmitri Esme Femi Goran Hana Ivan Julia Kenji Lucia Malik Noor".split(" ");
const LAST = "Smith Okafor Tanaka Müller García Rossi Novak Kowalski Haddad Nguyen Silva Johansson Petrov O'Brien Dubois Kim Moreau Schmidt Costa Yilmaz Fischer Andersen Lopez Mehta Park Ivanova Laurent Bianchi Santos Weber".split(" ");
export const LANGUAGES = ["French", "German", "Spanish", "Italian", "Portuguese", "Japanese", "Dutch", "Polish", "Korean", "Turkish"];
const ADJ = "quiet bright ancient rapid hidden fragile modern distant golden curious silent bitter gentle broken electric frozen humble vivid lonely brave hollow crowded wild rusty narrow".split(" ");
const NOUN = "river city garden machine forest harbor library market mountain village engine window bridge desert island kitchen station theater orchard lighthouse factory meadow canyon festival workshop".split(" ");
const VERB = "improves reduces explains delays supports replaces measures protects describes follows reveals connects changes tracks limits extends".split(" ");
const SUBJECT = "the new policy|our team|the quarterly report|the customer|this feature|the vendor|the committee|the prototype|each region|the platform|the research group|the board|the support desk|the mobile app|the warehouse".split("|");
const OBJECT = "the onboarding flow|shipping costs|the error rate|response times|the budget|user retention|the migration plan|energy use|the release schedule|data quality|the hiring process|customer churn|the audit trail|inventory levels|the pricing model".split("|");
const TAIL = ["", "", " by the end of the quarter", " in most markets", " for enterprise accounts", " after the last update", " according to the survey", " without extra staff", " despite the delays", " across all teams"];
export const COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Financial", "Hooli", "Vandelay Imports", "Soylent Foods", "Cyberdyne Systems", "Tyrell Labs", "Wonka Sweets"];
export const PRODUCTS = ["noise-cancelling headphones", "a standing desk", "an espresso machine", "trail running shoes", "a smart thermostat", "a mechanical keyboard", "a cast-iron skillet", "a folding e-bike", "a 4K projector", "a down sleeping bag", "wireless earbuds", "a robot vacuum"];

export const personName = (r: Rng) => `${pick(r, FIRST)} ${pick(r, LAST)}`;
export const topic = (r: Rng) => (r() < 0.5 ? `${pick(r, ADJ)} ${pick(r, NOUN)}` : r() < 0.5 ? `the ${pick(r, NOUN)}` : `a ${pick(r, ADJ)} ${pick(r, NOUN)} at night`);

export function sentence(r: Rng): string {
  const n = r();
  if (n < 0.25) return `${cap(pick(r, SUBJECT))} ${pick(r, VERB)} ${pick(r, OBJECT)}${pick(r, TAIL)}.`;
  if (n < 0.5) return `In ${int(r, 2015, 2026)}, ${pick(r, SUBJECT)} ${pick(r, VERB)} ${pick(r, OBJECT)} by ${int(r, 2, 90)} percent.`;
  if (n < 0.7) return `${cap(pick(r, ADJ))} ${pick(r, NOUN)}s near the ${pick(r, NOUN)} ${pick(r, VERB).replace(/s$/, "")} ${pick(r, OBJECT)}${pick(r, TAIL)}.`;
  if (n < 0.85) return `${personName(r)} said that ${pick(r, SUBJECT)} ${pick(r, VERB)} ${pick(r, OBJECT)}.`;
  return `Why ${pick(r, SUBJECT)} ${pick(r, VERB).replace(/s$/, "")}s ${pick(r, OBJECT)} is still unclear.`;
}

export const sentences = (r: Rng, lo: number, hi: number) => Array.from({ length: int(r, lo, hi) }, () => sentence(r)).join(" ");

/** A document of roughly `words` words in paragraphs. */
export function documentText(r: Rng, words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const p = sentences(r, 3, 7);
    count += p.split(/\s+/).length;
    paragraphs.push(p);
  }
  return paragraphs.join(r() < 0.7 ? "\n\n" : "\n");
}

const IDENT = "total items user order price count result index name value data config path retries limit".split(" ");
export function code(r: Rng, language: "python" | "javascript" | "go"): string {
  const fn = `${pick(r, ["get", "load", "compute", "parse", "update", "check"])}_${pick(r, IDENT)}`;
  const a = pick(r, IDENT);
  const b = pick(r, IDENT.filter((x) => x !== a));
  const lines = int(r, 1, 6);
  if (language === "python") {
    const body = Array.from({ length: lines }, (_, i) => `    ${i % 2 ? `if ${a} > ${int(r, 0, 99)}:\n        ${b} += ${a}` : `${b} = ${a} * ${int(r, 2, 9)}`}`);
    return `def ${fn}(${a}, ${b}=None):\n${body.join("\n")}\n    return ${b}`;
  }
  const camel = fn.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
  if (language === "javascript") {
    const body = Array.from({ length: lines }, (_, i) => `  ${i % 2 ? `if (${a} > ${int(r, 0, 99)}) { ${b} += ${a}; }` : `const ${b}${i} = ${a} * ${int(r, 2, 9)};`}`);
    return `function ${camel}(${a}, ${b}) {\n${body.join("\n")}\n  return ${b};\n}`;
  }
  const body = Array.from({ length: lines }, (_, i) => `\t${i % 2 ? `if ${a} > ${int(r, 0, 99)} {\n\t\t${b} += ${a}\n\t}` : `${b} = ${a} * ${int(r, 2, 9)}`}`);
  return `func ${cap(camel)}(${a} int, ${b} int) int {\n${body.join("\n")}\n\treturn ${b}\n}`;
}

export function invoice(r: Rng): string {
  const lines = Array.from({ length: int(r, 1, 4) }, () => `- ${pick(r, PRODUCTS)} x${int(r, 1, 5)}: $${int(r, 5, 900)}.${int(r, 10, 99)}`);
  return `${pick(r, COMPANIES)}\nInvoice no. INV-${int(r, 1000, 99999)}\nDate: 2026-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}\n${lines.join("\n")}\nTotal due: $${int(r, 20, 5000)}.${int(r, 10, 99)}`;
}

export function jsonRecord(r: Rng): string {
  const record = { id: int(r, 1, 99999), name: personName(r), email: `user${int(r, 1, 9999)}@example.com`, plan: pick(r, ["free", "pro", "team", "enterprise"]), tags: Array.from({ length: int(r, 0, 3) }, () => pick(r, NOUN)) };
  return r() < 0.5 ? JSON.stringify(record) : JSON.stringify(record, null, 2);
}

export function question(r: Rng): string {
  return pick(r, [
    `How do I ${pick(r, ["reset", "export", "share", "delete", "rename"])} my ${pick(r, ["account", "invoice", "project", "password", "workspace"])}?`,
    `Can you explain why ${pick(r, SUBJECT)} ${pick(r, VERB).replace(/s$/, "")}s ${pick(r, OBJECT)}?`,
    `What is the best way to handle ${pick(r, OBJECT)} for a ${pick(r, ADJ)} ${pick(r, NOUN)}?`,
    `${sentence(r)} What should I do next?`,
    `Is it possible to get a refund for order ${int(r, 10000, 99999)}? ${r() < 0.5 ? sentence(r) : ""}`.trim(),
  ]);
}

/** Earlier turns of a chat (0 to 4 exchanges), each "role: text" joined by blank lines, ending with a blank line. */
export function history(r: Rng): string {
  const turns = int(r, 0, 4);
  let out = "";
  for (let i = 0; i < turns; i++) out += `user: ${question(r)}\n\nassistant: ${sentences(r, 1, 3)}\n\n`;
  return out;
}
