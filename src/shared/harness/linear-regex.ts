// Users' regular expressions (the `regex` assertion, `pattern` in a JSON Schema) run with RE2
// (re2js, a JavaScript port of Google's RE2): matching takes time linear in the text, so a
// pattern like (a+)+$ cannot freeze the server, as it would with the built-in engine's
// backtracking. Linear is still program size × text length, so both are bounded: a pattern whose
// program is larger than MAX_REGEX_PROGRAM is refused, and a match that would take more than
// MAX_REGEX_WORK steps is not attempted (RegexTooCostly). RE2 has no backreferences or
// lookarounds; such patterns are refused with that reason.
import { RE2JS } from "re2js";

/** RE2 instructions a pattern may compile to (`.{999}` is 1,001; `[a-z]+@[a-z]+\.com` 11). */
export const MAX_REGEX_PROGRAM = 1_200;
/** Program size × text length one match may cost (well under a tenth of a second). */
export const MAX_REGEX_WORK = 20_000_000;

export class RegexTooCostly extends Error {}

export type LinearRegex = { find: (text: string) => string | null; test: (text: string) => boolean };

export function compileLinearRegex(pattern: string, flags = ""): LinearRegex {
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern), flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
  const size = programSize(re);
  if (size > MAX_REGEX_PROGRAM) throw new RegexTooCostly(`is too complex: it compiles to ${size} steps per character (at most ${MAX_REGEX_PROGRAM})`);
  const guard = (text: string) => {
    if (size * text.length > MAX_REGEX_WORK) throw new RegexTooCostly(`the text (${text.length} characters) is too long to check against this pattern`);
  };
  return {
    find: (text) => {
      guard(text);
      const m = re.matcher(text);
      return m.find() ? (m.group() ?? "") : null;
    },
    test: (text) => {
      guard(text);
      return re.matcher(text).find();
    },
  };
}

function programSize(re: RE2JS): number {
  // re2js keeps the compiled program on the RE2 it wraps; its size is what matching costs per character.
  const prog = (re as unknown as { re2Input?: { prog?: { numInst?: () => number } } }).re2Input?.prog;
  return prog?.numInst?.() ?? 0;
}

/** Why a pattern was refused, in words a user can act on. */
export function linearRegexError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RegexTooCostly) return message;
  const unsupported = /invalid or unsupported Perl syntax|invalid escape|\(\?[=!<]|\\[1-9]/i.test(message);
  return unsupported
    ? `is not supported (${message}): patterns run with RE2, which has no backreferences or lookarounds`
    : `is not a valid regex (${message})`;
}
