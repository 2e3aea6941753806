// PostgreSQL cannot store NUL in text or jsonb, and replaces an unpaired surrogate in text with
// U+FFFD: an imported line with either is refused (naming the field) rather than stored altered.
// The same rule as api/storable-input.ts applies to tRPC input (which the domain may not import).
export type UnstorableText = { path: (string | number)[]; message: string };

export function firstUnstorableText(value: unknown, path: (string | number)[] = []): UnstorableText | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path, message: "cannot contain NUL characters (U+0000)" };
    return value.isWellFormed() ? null : { path, message: "is not valid Unicode text (an unpaired surrogate)" };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstUnstorableText(value[i], [...path, i]);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const bad = firstUnstorableText(k, [...path, k]) ?? firstUnstorableText(v, [...path, k]);
      if (bad) return bad;
    }
  }
  return null;
}
