// PostgreSQL cannot store NUL (U+0000) in text or jsonb, and jsonb refuses an unpaired UTF-16
// surrogate, so a capture carrying either would be refused by the database and dropped. The proxy
// relays such calls unchanged; what is stored has each NUL and each unpaired surrogate replaced
// with U+FFFD (the replacement character), and the capture says so (textRepaired).

const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const unstorable = (text: string) => SUSPECT.test(text) && (text.includes("\u0000") || !text.isWellFormed());

/**
 * In JSON.stringify's output a NUL is always the escape \u0000 and an unpaired surrogate the escape
 * \udXXX (paired ones stay raw characters); an escape preceded by an odd number of backslashes is
 * text that merely looks like one.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

/** Whether any string in a JSON-safe value (object keys included) cannot be stored. Iterative, so deep bodies cannot overflow the stack. */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (unstorable(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === "object") {
      for (const key in v) {
        if (unstorable(key)) return true;
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** A copy of a JSON-safe value with every NUL and unpaired surrogate replaced by U+FFFD, or the value itself when it has none. */
export function repairUnstorableText<T>(value: T): { value: T; repaired: boolean } {
  if (!hasUnstorableText(value)) return { value, repaired: false };
  const json = JSON.stringify(value).replace(UNSTORABLE_ESCAPE, "$1\\ufffd");
  return { value: JSON.parse(json) as T, repaired: true };
}
