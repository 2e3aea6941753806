// Every action in AUDIT_ACTIONS is recorded somewhere in the application's code. Not a text search
// (a comment or a test cannot satisfy it): the TypeScript checker reads the program, finds every call
// of recordAudit and of the functions that call it (transitively), and collects the audit actions
// their arguments can carry, by type (a literal, a conditional of literals, a constant map typed as
// audit actions). A parameter that can be any action (a wrapper passing its own argument on) counts
// for nothing by itself: its callers' arguments do. The test names each action nobody records.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_NAMES } from "@/shared/governance/audit-actions";

const ROOT = path.resolve(__dirname, "../../../..");
const SOURCE_DIRS = ["src", "inngest", "scripts"];
const isTest = (file: string) => /\.(test|int\.test|spec)\.tsx?$/.test(file) || file.includes(`${path.sep}src${path.sep}test${path.sep}`);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "generated" && !entry.name.startsWith(".")) sourceFiles(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") && !isTest(full)) out.push(full);
  }
  return out;
}

function compilerOptions() {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true, incremental: false };
}

function loadProgram(roots: string[], options: ts.CompilerOptions = compilerOptions()) {
  return { program: ts.createProgram(roots, options), roots: new Set(roots.map((r) => path.normalize(r))) };
}

const AUDIT_NAMES = new Set<string>(AUDIT_ACTION_NAMES);

/** The audit action names a type can hold, or null when it holds anything else too. */
function auditLiterals(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const names: string[] = [];
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    if (!part.isStringLiteral() || !AUDIT_NAMES.has(part.value)) return null;
    names.push(part.value);
  }
  return names.length ? names : null;
}

/** Which audit actions the code in `rootFiles` records, and where (file:line per action). */
function recordedActions(rootFiles: string[], options?: ts.CompilerOptions) {
  const { program, roots } = loadProgram(rootFiles, options);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => roots.has(path.normalize(f.fileName)));

  const recordAuditFile = files.find((f) => f.fileName.endsWith("domain/audit/record-audit.ts"));
  if (!recordAuditFile) throw new Error("src/server/domain/audit/record-audit.ts is not in the program");

  const functionLike = (node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } =>
    ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
  const calleeDeclaration = (call: ts.CallExpression) => checker.getResolvedSignature(call)?.getDeclaration() as ts.Node | undefined;
  const outerFunction = (node: ts.Node): ts.Node | undefined => {
    for (let n = node.parent; n; n = n.parent) if (functionLike(n)) return n;
    return undefined;
  };

  // The functions that record: recordAudit, then every function whose body calls one of them (a fixpoint).
  const recording = new Set<ts.Node>();
  ts.forEachChild(recordAuditFile, (node) => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === "recordAudit") recording.add(node);
  });
  if (!recording.size) throw new Error("recordAudit is not declared in record-audit.ts");
  const calls: ts.CallExpression[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, collect);
  };
  for (const file of files) collect(file);
  const callees = new Map(calls.map((c) => [c, calleeDeclaration(c)]));
  const recordAuditDecl = [...recording][0];
  /** recordAudit(db, { …, outcome: "refused" }): the record of a refusal, not of the action happening. */
  const recordsRefusalOnly = (call: ts.CallExpression) => {
    if (callees.get(call) !== recordAuditDecl) return false;
    const entry = call.arguments[1];
    if (!entry || !ts.isObjectLiteralExpression(entry)) return false;
    const outcome = entry.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "outcome");
    const type = outcome && checker.getTypeAtLocation(outcome.initializer);
    return Boolean(type?.isStringLiteral() && type.value === "refused");
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const call of calls) {
      const target = callees.get(call);
      if (!target || !recording.has(target) || recordsRefusalOnly(call)) continue;
      // Every function around the call records too (a transaction's callback and the function holding it).
      for (let fn = outerFunction(call); fn; fn = outerFunction(fn)) {
        if (recording.has(fn)) continue;
        recording.add(fn);
        grew = true;
      }
    }
  }

  // The actions the arguments of those calls can carry.
  const where = new Map<string, string>();
  /** A function's own parameter passed on: its callers' arguments are what count. */
  const isParameter = (node: ts.Node) => ts.isIdentifier(node) && Boolean(checker.getSymbolAtLocation(node)?.valueDeclaration && ts.isParameter(checker.getSymbolAtLocation(node)!.valueDeclaration!));
  for (const call of calls) {
    const target = callees.get(call);
    if (!target || !recording.has(target) || recordsRefusalOnly(call)) continue;
    const found = (node: ts.Node, names: string[] | null) => {
      // A value that may be any action is a pass-through (a wrapper's parameter): its callers count.
      if (!names || names.length >= AUDIT_NAMES.size) return;
      const file = node.getSourceFile();
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      for (const name of names) if (!where.has(name)) where.set(name, `${path.relative(ROOT, file.fileName)}:${line + 1}`);
    };
    const visit = (node: ts.Node) => {
      if (functionLike(node) || isParameter(node)) return; // a callback's body is its own calls' business
      if (ts.isExpression(node)) {
        const contextual = checker.getContextualType(node);
        if (contextual && auditLiterals(contextual)) found(node, auditLiterals(checker.getTypeAtLocation(node)));
      }
      ts.forEachChild(node, visit);
    };
    for (const argument of call.arguments) {
      // An entry object built elsewhere ({ ...entry, to }): the type of its `action` says what it can be.
      const action = checker.getTypeAtLocation(argument).getProperty("action");
      if (action) found(argument, auditLiterals(checker.getTypeOfSymbolAtLocation(action, argument)));
      visit(argument);
    }
  }
  return where;
}

describe("audit coverage", () => {
  it("finds a call recording every action in AUDIT_ACTIONS", { timeout: 240_000 }, () => {
    const where = recordedActions(SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))));
    // AUDIT_COVERAGE_PRINT=1 lists where each action is recorded.
    if (process.env.AUDIT_COVERAGE_PRINT) console.log([...where].map(([a, w]) => `${a} ${w}`).join("\n"));
    // The check itself works: actions known to be recorded are found where they are.
    expect(where.get("listing.price")).toMatch(/src\/server\/domain\/marketplace\/listings\.ts:\d+$/);
    expect(where.get("signin.locked")).toMatch(/src\/server\/domain\/users\/sign-in-lock-audit\.ts:\d+$/);
    const missing = AUDIT_ACTION_NAMES.filter((name) => !where.has(name));
    expect(missing, `no code records these audit actions (call recordAudit with them): ${missing.join(", ")}`).toEqual([]);
  });
});

/** A small program of its own, to show what counts as recording an action and what does not. */
const FIXTURE: Record<string, string> = {
  "server/domain/audit/record-audit.ts": `
    import type { AuditAction } from "@/shared/governance/audit-actions";
    export type Entry = { action: AuditAction; outcome?: "allowed" | "refused"; target: { type: string } };
    export async function recordAudit(_db: unknown, _entry: Entry): Promise<void> {}
  `,
  "server/domain/things/recorded.ts": `
    import { recordAudit } from "../audit/record-audit";
    import type { AuditAction } from "@/shared/governance/audit-actions";
    export const direct = () => recordAudit(null, { action: "org.create", target: { type: "org" } });
    export const either = (ok: boolean) => recordAudit(null, { action: ok ? "version.approve" : "version.reject", target: { type: "version" } });
    const KIND = { add: "provider.add" } as const satisfies Record<string, AuditAction>;
    export const mapped = () => recordAudit(null, { action: KIND.add, target: { type: "provider" } });
    async function wrapper(action: AuditAction) { await recordAudit(null, { action, target: { type: "x" } }); }
    export const viaWrapper = () => wrapper("label.move");
    async function narrow(action: "member.add" | "member.leave") { const entry = { action, target: { type: "m" } }; await recordAudit(null, { ...entry }); }
    export const viaEntry = () => narrow("member.add");
  `,
  "server/domain/things/not-recorded.ts": `
    import { recordAudit } from "../audit/record-audit";
    import type { AuditAction } from "@/shared/governance/audit-actions";
    // recordAudit(null, { action: "org.update", target: { type: "org" } }) in a comment
    export const mention = "org.update";
    export const typed: AuditAction = "member.invite";
    export const refusal = () => recordAudit(null, { action: "member.remove", outcome: "refused", target: { type: "m" } });
    export const anyAction = (action: AuditAction) => recordAudit(null, { action, target: { type: "x" } });
    async function refusing(action: AuditAction) { await recordAudit(null, { action, outcome: "refused", target: { type: "x" } }); }
    export const viaRefusing = () => refusing("webhook.delete");
  `,
  "server/domain/things/recorded.test.ts": `
    import { recordAudit } from "../audit/record-audit";
    export const inATest = () => recordAudit(null, { action: "webhook.replay", target: { type: "d" } });
  `,
};

describe("the coverage check itself", () => {
  it("counts literal, conditional, mapped, wrapped and entry-built actions, and not comments, strings, refusals, pass-throughs or tests", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-coverage-"));
    try {
      const files = Object.entries(FIXTURE).map(([name, text]) => {
        const file = path.join(dir, "src", name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        return file;
      });
      const options = { ...compilerOptions(), baseUrl: dir, paths: { "@/shared/*": [path.join(ROOT, "src/shared/*")] } };
      const where = recordedActions(files.filter((f) => !isTest(f)), options);
      // member.leave too: the entry's type says it may carry either (the check reads types, not values).
      expect([...where.keys()].sort()).toEqual(["label.move", "member.add", "member.leave", "org.create", "provider.add", "version.approve", "version.reject"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
