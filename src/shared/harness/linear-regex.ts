// Users' regular expressions (the `regex` assertion, `pattern` in a JSON Schema) run with RE2
// (re2js, a JavaScript port of Google's RE2): matching takes time linear in the text, so a
// pattern like (a+)+$ cannot freeze the server, as it would with the built-in engine's
// backtracking. RE2 has no backreferences or lookaheads; such patterns are refused with that reason.
import { RE2JS } from "re2js";

export type LinearRegex = { find: (text: string) => string | null; test: (text: string) => boolean };

export function compileLinearRegex(pattern: string, flags = ""): LinearRegex {
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern), flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
  return {
    find: (text) => {
      const m = re.matcher(text);
      return m.find() ? (m.group() ?? "") : null;
    },
    test: (text) => re.matcher(text).find(),
  };
}

/** Why RE2 refused a pattern, in words a user can act on. */
export function linearRegexError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unsupported = /invalid or unsupported Perl syntax|invalid escape|\(\?[=!<]|\\[1-9]/i.test(message);
  return unsupported
    ? `is not supported (${message}): patterns run with RE2, which has no backreferences or lookarounds`
    : `is not a valid regex (${message})`;
}
